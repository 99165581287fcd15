package io.retailhub.contracts.commands;

import io.retailhub.contracts.Identifier;
import io.retailhub.contracts.Money;
import io.retailhub.contracts.OrderId;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Refunds part or all of an order's payment. {@code reference} is the caller's business key
 * (for example the return ID) recorded with the provider; the idempotency key travels in the
 * {@code Idempotency-Key} header.
 */
public record CreateRefund(@NotNull OrderId orderId, @NotNull Money amount,
		@NotBlank @Size(max = 64) @Identifier String reference, @Size(max = 500) String note) {
}
