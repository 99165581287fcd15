package io.retailhub.contracts.commands;

import io.retailhub.contracts.CasePriority;
import io.retailhub.contracts.CaseStatus;
import jakarta.validation.constraints.Size;

/** Changes what is given of a case; null members stay as they are. */
public record UpdateCase(CaseStatus status, CasePriority priority, @Size(max = 255) String subject,
		@Size(max = 32_000) String description) {
}
