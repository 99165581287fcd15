package io.retailhub.contracts.commands;

import io.retailhub.contracts.CasePriority;
import io.retailhub.contracts.CaseStatus;
import io.retailhub.contracts.CustomerId;
import io.retailhub.contracts.Identifier;
import io.retailhub.contracts.OrderId;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Opens or updates the case with this external ID (an upsert): sending it twice leaves one case.
 * {@code status} and {@code priority} default to NEW and MEDIUM when null.
 */
public record OpenCase(@NotBlank @Size(max = 64) @Identifier String externalId, @NotNull CustomerId customerId,
		OrderId orderId, @NotBlank @Size(max = 255) String subject, @Size(max = 32_000) String description,
		CaseStatus status, CasePriority priority, @Size(max = 40) String origin) {
}
