package io.retailhub.contracts;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The customer number shared by ERP (sold-to party) and CRM (external ID on the contact). Serialized as a bare JSON string. */
public record CustomerId(@JsonValue String value) {

	public CustomerId {
		value = Identifiers.requireText(value, "CustomerId");
	}

	@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
	public static CustomerId of(String value) {
		return new CustomerId(value);
	}

	@Override
	public String toString() {
		return value;
	}
}
