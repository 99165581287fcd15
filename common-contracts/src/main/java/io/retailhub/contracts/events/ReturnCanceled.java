package io.retailhub.contracts.events;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import io.retailhub.contracts.ActingUser;
import io.retailhub.contracts.OrderId;
import io.retailhub.contracts.ReturnAuthorizationId;

/**
 * The return was canceled through {@code channel} before the warehouse received anything.
 * Published by process-api. Terminal. {@code rmaNumber} is absent when the return was canceled
 * before ERP authorized it; {@code reason} is the free text the canceling person gave, if any;
 * {@code canceledBy}, when present, who canceled ({@code agent:agent.ava}).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReturnCanceled(ReturnId returnId, OrderId orderId, ReturnAuthorizationId rmaNumber,
		ReturnChannel channel, String reason, Instant occurredAt, ActingUser canceledBy) implements DomainEvent {

	public ReturnCanceled {
		Checks.present(returnId, "returnId");
		Checks.present(orderId, "orderId");
		Checks.present(channel, "channel");
		Checks.present(occurredAt, "occurredAt");
	}

	/** A cancellation without a named person (a client that passes none). */
	public ReturnCanceled(ReturnId returnId, OrderId orderId, ReturnAuthorizationId rmaNumber, ReturnChannel channel,
			String reason, Instant occurredAt) {
		this(returnId, orderId, rmaNumber, channel, reason, occurredAt, null);
	}

	@Override
	public String aggregate() {
		return "returns/" + returnId;
	}
}
