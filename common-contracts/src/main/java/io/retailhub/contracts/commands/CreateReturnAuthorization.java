package io.retailhub.contracts.commands;

import java.util.List;

import io.retailhub.contracts.Identifier;
import io.retailhub.contracts.OrderId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Asks ERP for a customer return. {@code externalReference} is the caller's key: creating twice
 * with the same key returns the first document.
 */
public record CreateReturnAuthorization(@NotBlank @Size(max = 35) @Identifier String externalReference,
		@NotNull OrderId orderId, @NotEmpty @Size(max = 100) List<@Valid @NotNull ReturnLineRequest> lines) {
}
