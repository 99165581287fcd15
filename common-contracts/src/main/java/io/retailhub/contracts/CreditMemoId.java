package io.retailhub.contracts;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The ERP credit memo request document number. Serialized as a bare JSON string. */
public record CreditMemoId(@JsonValue String value) {

	public CreditMemoId {
		value = Identifiers.requireText(value, "CreditMemoId");
	}

	@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
	public static CreditMemoId of(String value) {
		return new CreditMemoId(value);
	}

	@Override
	public String toString() {
		return value;
	}
}
