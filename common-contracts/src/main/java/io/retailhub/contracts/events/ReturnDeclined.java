package io.retailhub.contracts.events;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import io.retailhub.contracts.CustomerId;
import io.retailhub.contracts.OrderId;
import io.retailhub.contracts.ReturnDeclineReason;

/**
 * The return is not eligible and nothing was created for it in any backend. Published by
 * process-api. Each entry of {@code reasons} says why, with a {@code message} the customer can
 * read as is; its {@code lineNumber} is absent when the reason concerns the whole order (for
 * example an order not delivered yet).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReturnDeclined(ReturnId returnId, OrderId orderId, CustomerId customerId, List<Reason> reasons,
		Instant occurredAt) implements DomainEvent {

	public ReturnDeclined {
		Checks.present(returnId, "returnId");
		Checks.present(orderId, "orderId");
		Checks.present(customerId, "customerId");
		reasons = Checks.nonEmpty(reasons, "reasons");
		Checks.present(occurredAt, "occurredAt");
	}

	@Override
	public String aggregate() {
		return "returns/" + returnId;
	}

	/** Why one line (or, without {@code lineNumber}, the whole return) was declined. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Reason(String lineNumber, ReturnDeclineReason reason, String message) {

		public Reason {
			Checks.present(reason, "reason");
			Checks.text(message, "message");
		}

		/** A reason with the reason's standard customer message. */
		public static Reason of(String lineNumber, ReturnDeclineReason reason) {
			return new Reason(lineNumber, reason, Checks.present(reason, "reason").customerMessage());
		}
	}
}
