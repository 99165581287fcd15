package io.retailhub.contracts.events;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import io.retailhub.contracts.OrderId;
import io.retailhub.contracts.ReturnAuthorizationId;

/**
 * An authorized return was never received and its time ran out at {@code expiresAt}; the RMA is
 * closed and a parcel arriving later is handled by a person. Published by process-api, once, by
 * a durable timer. Terminal.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReturnExpired(ReturnId returnId, OrderId orderId, ReturnAuthorizationId rmaNumber, Instant expiresAt,
		Instant occurredAt) implements DomainEvent {

	public ReturnExpired {
		Checks.present(returnId, "returnId");
		Checks.present(orderId, "orderId");
		Checks.present(rmaNumber, "rmaNumber");
		Checks.present(expiresAt, "expiresAt");
		Checks.present(occurredAt, "occurredAt");
	}

	@Override
	public String aggregate() {
		return "returns/" + returnId;
	}
}
