package io.retailhub.contracts;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The ERP customer return document number (the RMA). Serialized as a bare JSON string. */
public record ReturnAuthorizationId(@JsonValue String value) {

	public ReturnAuthorizationId {
		value = Identifiers.requireText(value, "ReturnAuthorizationId");
	}

	@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
	public static ReturnAuthorizationId of(String value) {
		return new ReturnAuthorizationId(value);
	}

	@Override
	public String toString() {
		return value;
	}
}
