package io.retailhub.contracts.events;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The hub's own identifier of a refund workflow, assigned by process-api before anything is
 * sent to the payment provider (it is the root of the refund's idempotency keys). Not the
 * provider's refund ID: that is {@link io.retailhub.contracts.RefundId}, which exists only once
 * the provider accepted the refund. Serialized as a bare UUID string.
 */
public record HubRefundId(@JsonValue UUID value) {

	public HubRefundId {
		Checks.present(value, "HubRefundId");
	}

	public static HubRefundId of(UUID value) {
		return new HubRefundId(value);
	}

	/** @throws IllegalArgumentException when {@code value} is not a UUID */
	@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
	public static HubRefundId of(String value) {
		return new HubRefundId(UUID.fromString(Checks.text(value, "HubRefundId").strip()));
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
