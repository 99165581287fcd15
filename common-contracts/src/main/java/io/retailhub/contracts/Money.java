package io.retailhub.contracts;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * An amount of money in one ISO 4217 currency. The amount always carries the currency's
 * number of minor digits (2 for USD and EUR, 0 for JPY, 3 for KWD), rounded half-up, so two
 * equal sums compare equal and nothing ever carries sub-cent noise. Its magnitude stays below
 * 10<sup>15</sup> ({@link #MAX_INTEGER_DIGITS} digits before the point), so that it always fits
 * in minor units as a {@code long} ({@link #toMinorUnits()}).
 *
 * <p>What a caller sends is read with {@link #exact}: an amount with more decimals than its
 * currency has is refused there, never rounded.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Money(BigDecimal amount, Currency currency) implements Comparable<Money> {

	/** Digits before the decimal point an amount may have: up to 999,999,999,999,999.999. */
	public static final int MAX_INTEGER_DIGITS = 15;

	/**
	 * Decimals an amount may arrive with before it is rounded to its currency's: far more than any
	 * arithmetic here produces, and few enough that rounding stays cheap.
	 */
	static final int MAX_SCALE = 32;

	public Money {
		Objects.requireNonNull(amount, "amount must not be null");
		Objects.requireNonNull(currency, "currency must not be null");
		// checked before rounding: setScale on 1e-999999999 or 1e999999999 would compute for ever
		if (amount.scale() > MAX_SCALE) {
			throw new IllegalArgumentException("amount must have at most " + MAX_SCALE + " decimals");
		}
		requireInRange(amount);
		amount = amount.setScale(minorDigits(currency), RoundingMode.HALF_UP);
		// again after rounding: 999999999999999.999 USD rounds up to 10^15
		requireInRange(amount);
	}

	/**
	 * An amount exactly as given: one with more decimals than the currency has (1.00001 USD) is
	 * refused rather than rounded; trailing zeros (1.50000 USD) are fine. How the hub reads amounts
	 * its callers send.
	 * @throws IllegalArgumentException for a missing, over-precise or out-of-range amount or a
	 * missing currency
	 */
	public static Money exact(BigDecimal amount, Currency currency) {
		if (amount == null || currency == null) {
			throw new IllegalArgumentException(amount == null ? "amount is required" : "currency is required");
		}
		int digits = minorDigits(currency);
		BigDecimal given = amount.scale() > digits ? amount.stripTrailingZeros() : amount;
		if (given.scale() > digits) {
			throw new IllegalArgumentException(
					"amount must have at most " + digits + " decimals in " + currency.getCurrencyCode());
		}
		return new Money(given, currency);
	}

	public static Money of(BigDecimal amount, String currencyCode) {
		return new Money(amount, currency(currencyCode));
	}

	public static Money of(String amount, String currencyCode) {
		return of(new BigDecimal(amount), currencyCode);
	}

	public static Money zero(Currency currency) {
		return new Money(BigDecimal.ZERO, currency);
	}

	/** Builds an amount from minor units (cents), as payment providers send them. */
	public static Money ofMinor(long minorUnits, String currencyCode) {
		Currency currency = currency(currencyCode);
		return new Money(BigDecimal.valueOf(minorUnits, minorDigits(currency)), currency);
	}

	/**
	 * Parses an ISO 4217 code, case-insensitively.
	 * @throws IllegalArgumentException for anything that is not an ISO 4217 currency code
	 */
	public static Currency currency(String currencyCode) {
		if (currencyCode == null || currencyCode.length() != 3) {
			throw new IllegalArgumentException("currency must be a three-letter ISO 4217 code");
		}
		try {
			return Currency.getInstance(currencyCode.toUpperCase(java.util.Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("unknown ISO 4217 currency: " + currencyCode);
		}
	}

	private static void requireInRange(BigDecimal amount) {
		if (amount.signum() != 0 && amount.precision() - amount.scale() > MAX_INTEGER_DIGITS) {
			throw new IllegalArgumentException(
					"amount must have at most " + MAX_INTEGER_DIGITS + " digits before the decimal point");
		}
	}

	private static int minorDigits(Currency currency) {
		int digits = currency.getDefaultFractionDigits();
		return digits < 0 ? 0 : digits;
	}

	/** The amount in minor units (cents); exact, since the scale is the currency's. */
	public long toMinorUnits() {
		return amount.movePointRight(minorDigits(currency)).longValueExact();
	}

	public Money plus(Money other) {
		requireSameCurrency(other);
		return new Money(amount.add(other.amount), currency);
	}

	public Money minus(Money other) {
		requireSameCurrency(other);
		return new Money(amount.subtract(other.amount), currency);
	}

	public Money times(long factor) {
		return new Money(amount.multiply(BigDecimal.valueOf(factor)), currency);
	}

	/** Multiplies by a rate such as a fee percentage expressed as a fraction (0.15), rounding once. */
	public Money times(BigDecimal rate) {
		return new Money(amount.multiply(rate), currency);
	}

	/**
	 * Splits this amount pro rata: {@code part / whole} of it, rounded once. Used to give a
	 * returned quantity its share of a line's net amount.
	 */
	public Money share(long part, long whole) {
		if (whole <= 0 || part < 0 || part > whole) {
			throw new IllegalArgumentException("share must be between 0 and the whole");
		}
		return new Money(amount.multiply(BigDecimal.valueOf(part))
			.divide(BigDecimal.valueOf(whole), minorDigits(currency), RoundingMode.HALF_UP), currency);
	}

	public Money min(Money other) {
		return compareTo(other) <= 0 ? this : other;
	}

	@JsonIgnore
	public boolean isNegative() {
		return amount.signum() < 0;
	}

	@JsonIgnore
	public boolean isZero() {
		return amount.signum() == 0;
	}

	@JsonIgnore
	public boolean isPositive() {
		return amount.signum() > 0;
	}

	@Override
	public int compareTo(Money other) {
		requireSameCurrency(other);
		return amount.compareTo(other.amount);
	}

	private void requireSameCurrency(Money other) {
		if (!currency.equals(other.currency)) {
			throw new IllegalArgumentException(
					"cannot combine " + currency.getCurrencyCode() + " with " + other.currency.getCurrencyCode());
		}
	}

	@Override
	public String toString() {
		return amount.toPlainString() + " " + currency.getCurrencyCode();
	}
}
