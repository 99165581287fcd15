package io.retailhub.contracts.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.retailhub.contracts.ReturnReason;
import io.retailhub.contracts.Sku;

/** A quantity of one order line in a return, and why the customer sends it back. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReturnItem(String lineNumber, Sku sku, int quantity, ReturnReason reason) {

	public ReturnItem {
		Checks.text(lineNumber, "lineNumber");
		Checks.present(sku, "sku");
		Checks.positive(quantity, "quantity");
		Checks.present(reason, "reason");
	}
}
