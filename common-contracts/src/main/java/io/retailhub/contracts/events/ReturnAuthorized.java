package io.retailhub.contracts.events;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import io.retailhub.contracts.CaseId;
import io.retailhub.contracts.CustomerId;
import io.retailhub.contracts.Money;
import io.retailhub.contracts.OrderId;
import io.retailhub.contracts.ReturnAuthorizationId;

/**
 * The return is eligible and ERP holds its customer return: the customer may ship the parcel,
 * quoting {@code rmaNumber}. Published by process-api. {@code expiresAt} is when the return
 * expires if nothing arrives; {@code estimatedRefund} is the policy's estimate for the
 * authorized lines, the final amount comes with {@link ReturnInspected}. {@code caseId} is
 * absent when the CRM case is not open yet (CRM down does not hold the return back; a
 * {@link CaseOpened} follows).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReturnAuthorized(ReturnId returnId, OrderId orderId, CustomerId customerId,
		ReturnAuthorizationId rmaNumber, CaseId caseId, List<ReturnItem> lines, Money estimatedRefund,
		Instant expiresAt, Instant occurredAt) implements DomainEvent {

	public ReturnAuthorized {
		Checks.present(returnId, "returnId");
		Checks.present(orderId, "orderId");
		Checks.present(customerId, "customerId");
		Checks.present(rmaNumber, "rmaNumber");
		lines = Checks.nonEmpty(lines, "lines");
		Checks.present(estimatedRefund, "estimatedRefund");
		Checks.present(expiresAt, "expiresAt");
		Checks.present(occurredAt, "occurredAt");
	}

	@Override
	public String aggregate() {
		return "returns/" + returnId;
	}
}
