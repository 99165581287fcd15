package io.retailhub.contracts.commands;

import java.util.List;

import io.retailhub.contracts.Identifier;
import io.retailhub.contracts.OrderId;
import io.retailhub.contracts.ReturnAuthorizationId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Asks ERP for a credit memo request. {@code externalReference} is the caller's key: creating
 * twice with the same key returns the first document. {@code returnAuthorizationId} may be null
 * for goodwill credits without a return.
 */
public record CreateCreditMemo(@NotBlank @Size(max = 35) @Identifier String externalReference,
		@NotNull OrderId orderId, ReturnAuthorizationId returnAuthorizationId,
		@NotEmpty @Size(max = 100) List<@Valid @NotNull CreditMemoLineRequest> lines) {
}
