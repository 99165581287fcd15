package io.retailhub.contracts;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The warehouse shipment identifier. Serialized as a bare JSON string. */
public record ShipmentId(@JsonValue String value) {

	public ShipmentId {
		value = Identifiers.requireText(value, "ShipmentId");
	}

	@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
	public static ShipmentId of(String value) {
		return new ShipmentId(value);
	}

	@Override
	public String toString() {
		return value;
	}
}
