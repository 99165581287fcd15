package io.retailhub.contracts.commands;

import java.util.List;

import io.retailhub.contracts.OrderId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Asks the commerce policy whether these quantities of an order's lines may be returned. */
public record EvaluateReturnPolicy(@NotNull OrderId orderId,
		@NotEmpty @Size(max = 100) List<@Valid @NotNull ReturnLineRequest> lines) {
}
