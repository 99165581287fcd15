package io.retailhub.contracts.events;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The hub's own identifier of a return workflow, assigned by process-api when the return is
 * requested. Not the ERP's RMA number (that is
 * {@link io.retailhub.contracts.ReturnAuthorizationId}). Serialized as a bare UUID string.
 */
public record ReturnId(@JsonValue UUID value) {

	public ReturnId {
		Checks.present(value, "ReturnId");
	}

	public static ReturnId of(UUID value) {
		return new ReturnId(value);
	}

	/** @throws IllegalArgumentException when {@code value} is not a UUID */
	@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
	public static ReturnId of(String value) {
		return new ReturnId(UUID.fromString(Checks.text(value, "ReturnId").strip()));
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
