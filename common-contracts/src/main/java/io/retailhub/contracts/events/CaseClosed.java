package io.retailhub.contracts.events;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import io.retailhub.contracts.CaseId;
import io.retailhub.contracts.OrderId;

/**
 * A case was closed with {@code resolution}, the closing note agents see (for example
 * "refunded 54.97 USD, credit memo 90000123"). Published by process-api. Terminal for the case.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CaseClosed(CaseId caseId, String externalId, OrderId orderId, String resolution, Instant occurredAt)
		implements DomainEvent {

	public CaseClosed {
		Checks.present(caseId, "caseId");
		Checks.text(externalId, "externalId");
		Checks.present(orderId, "orderId");
		Checks.text(resolution, "resolution");
		Checks.present(occurredAt, "occurredAt");
	}

	@Override
	public String aggregate() {
		return "cases/" + caseId;
	}
}
