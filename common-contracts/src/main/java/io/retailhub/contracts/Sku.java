package io.retailhub.contracts;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A stock-keeping unit: the ERP material number. Serialized as a bare JSON string. */
public record Sku(@JsonValue String value) {

	public Sku {
		value = Identifiers.requireText(value, "Sku");
	}

	@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
	public static Sku of(String value) {
		return new Sku(value);
	}

	@Override
	public String toString() {
		return value;
	}
}
