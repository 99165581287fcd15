package io.retailhub.contracts;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The payment provider's refund identifier. Serialized as a bare JSON string. */
public record RefundId(@JsonValue String value) {

	public RefundId {
		value = Identifiers.requireText(value, "RefundId");
	}

	@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
	public static RefundId of(String value) {
		return new RefundId(value);
	}

	@Override
	public String toString() {
		return value;
	}
}
