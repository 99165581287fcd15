package io.retailhub.contracts;

import java.time.Instant;
import java.util.List;

/**
 * A customer-service case in CRM. {@code externalId} is the hub's key for it (for example the
 * return it is about), so opening it twice updates the same case.
 */
public record ServiceCase(CaseId id, String caseNumber, String externalId, CustomerId customerId, OrderId orderId,
		String subject, String description, CaseStatus status, CasePriority priority, String origin,
		Instant createdAt, Instant closedAt, List<CaseComment> comments) {

	public ServiceCase {
		comments = List.copyOf(comments);
	}
}
