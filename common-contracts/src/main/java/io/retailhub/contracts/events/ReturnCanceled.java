package io.retailhub.contracts.events;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import io.retailhub.contracts.OrderId;
import io.retailhub.contracts.ReturnAuthorizationId;

/**
 * The return was canceled through {@code channel} before the warehouse received anything.
 * Published by process-api. Terminal. {@code rmaNumber} is absent when the return was canceled
 * before ERP authorized it; {@code reason} is the free text the canceling person gave, if any.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReturnCanceled(ReturnId returnId, OrderId orderId, ReturnAuthorizationId rmaNumber,
		ReturnChannel channel, String reason, Instant occurredAt) implements DomainEvent {

	public ReturnCanceled {
		Checks.present(returnId, "returnId");
		Checks.present(orderId, "orderId");
		Checks.present(channel, "channel");
		Checks.present(occurredAt, "occurredAt");
	}

	@Override
	public String aggregate() {
		return "returns/" + returnId;
	}
}
