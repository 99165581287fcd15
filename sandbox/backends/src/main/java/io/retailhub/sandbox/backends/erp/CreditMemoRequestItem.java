package io.retailhub.sandbox.backends.erp;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * One credited quantity of an item of the referenced document, priced by one price condition
 * ({@code price}). {@code NetAmount} is what pricing makes of it: rate x quantity / pricing unit,
 * rounded half up to the currency's decimals.
 */
record CreditMemoRequestItem(String item, SalesOrderReference.Item reference, int quantity, Price price) {

	/** The pricing element's keys: the one condition sits at step 10, counter 1 of the procedure. */
	static final String PRICE_STEP = "10";

	static final String PRICE_COUNTER = "1";

	/** The sales order item credited, whatever the item references. */
	SalesOrderItem orderItem() {
		return reference.orderItem();
	}

	BigDecimal netAmount() {
		return price.value(quantity, orderItem().netAmount().scale());
	}

	CreditMemoRequestItem repriced(Price changed) {
		return new CreditMemoRequestItem(item, reference, quantity, changed);
	}

	/**
	 * A price condition: {@code rate} per {@code per} pieces; {@code manual} once a client changed it
	 * ({@code ConditionIsManuallyChanged}).
	 */
	record Price(String conditionType, BigDecimal rate, int per, boolean manual) {

		BigDecimal value(int quantity, int decimals) {
			return rate.multiply(BigDecimal.valueOf(quantity))
				.divide(BigDecimal.valueOf(per), decimals, RoundingMode.HALF_UP);
		}
	}
}
