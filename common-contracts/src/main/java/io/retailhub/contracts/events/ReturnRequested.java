package io.retailhub.contracts.events;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import io.retailhub.contracts.ActingUser;
import io.retailhub.contracts.CustomerId;
import io.retailhub.contracts.OrderId;

/**
 * A customer, agent or store asked to return some lines and quantities of an order. Published
 * by process-api when the request is accepted for judging (once per client idempotency key),
 * before eligibility is known; {@link ReturnAuthorized} or {@link ReturnDeclined} follows.
 * {@code occurredAt} is when the request was made; {@code requestedBy}, when present, the person who
 * asked ({@code agent:agent.ava}), as the experience layer named them.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReturnRequested(ReturnId returnId, OrderId orderId, CustomerId customerId, ReturnChannel channel,
		List<ReturnItem> lines, Instant occurredAt, ActingUser requestedBy) implements DomainEvent {

	public ReturnRequested {
		Checks.present(returnId, "returnId");
		Checks.present(orderId, "orderId");
		Checks.present(customerId, "customerId");
		Checks.present(channel, "channel");
		lines = Checks.nonEmpty(lines, "lines");
		Checks.present(occurredAt, "occurredAt");
	}

	/** A request without a named person (a client that passes none). */
	public ReturnRequested(ReturnId returnId, OrderId orderId, CustomerId customerId, ReturnChannel channel,
			List<ReturnItem> lines, Instant occurredAt) {
		this(returnId, orderId, customerId, channel, lines, occurredAt, null);
	}

	@Override
	public String aggregate() {
		return "returns/" + returnId;
	}
}
