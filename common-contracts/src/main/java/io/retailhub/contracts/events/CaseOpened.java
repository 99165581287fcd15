package io.retailhub.contracts.events;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import io.retailhub.contracts.CaseId;
import io.retailhub.contracts.CustomerId;
import io.retailhub.contracts.OrderId;

/**
 * A CRM case exists for work the hub does. {@code externalId} is the hub's key for the case
 * (the CRM upsert key, for example {@code return-<returnId>}), so re-opening finds the same
 * case and publishes nothing new. {@code caseNumber} is the number agents see, when CRM gave
 * one; {@code returnId} is present when the case is about a return.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CaseOpened(CaseId caseId, String externalId, String caseNumber, OrderId orderId, CustomerId customerId,
		ReturnId returnId, String subject, Instant occurredAt) implements DomainEvent {

	public CaseOpened {
		Checks.present(caseId, "caseId");
		Checks.text(externalId, "externalId");
		Checks.present(orderId, "orderId");
		Checks.present(customerId, "customerId");
		Checks.text(subject, "subject");
		Checks.present(occurredAt, "occurredAt");
	}

	@Override
	public String aggregate() {
		return "cases/" + caseId;
	}
}
