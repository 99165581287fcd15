package io.retailhub.contracts.events;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import io.retailhub.contracts.CaseId;
import io.retailhub.contracts.CaseStatus;
import io.retailhub.contracts.OrderId;

/**
 * A case changed: its {@code status} after the change, and the {@code comment} added with it
 * (for example "refund pending: the payment provider is unavailable"), if any. {@code published}
 * tells whether the comment is visible to the customer. Published by process-api.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CaseUpdated(CaseId caseId, String externalId, OrderId orderId, CaseStatus status, String comment,
		boolean published, Instant occurredAt) implements DomainEvent {

	public CaseUpdated {
		Checks.present(caseId, "caseId");
		Checks.text(externalId, "externalId");
		Checks.present(orderId, "orderId");
		Checks.present(status, "status");
		Checks.present(occurredAt, "occurredAt");
	}

	@Override
	public String aggregate() {
		return "cases/" + caseId;
	}
}
