package io.retailhub.contracts;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The hub-wide order number, the one the customer sees (for example {@code WEB-100042}). Serialized as a bare JSON string. */
public record OrderId(@JsonValue String value) {

	public OrderId {
		value = Identifiers.requireText(value, "OrderId");
	}

	@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
	public static OrderId of(String value) {
		return new OrderId(value);
	}

	@Override
	public String toString() {
		return value;
	}
}
