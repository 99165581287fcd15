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
 * equal sums compare equal and nothing ever carries sub-cent noise.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Money(BigDecimal amount, Currency currency) implements Comparable<Money> {

	public Money {
		Objects.requireNonNull(amount, "amount must not be null");
		Objects.requireNonNull(currency, "currency must not be null");
		amount = amount.setScale(minorDigits(currency), RoundingMode.HALF_UP);
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
