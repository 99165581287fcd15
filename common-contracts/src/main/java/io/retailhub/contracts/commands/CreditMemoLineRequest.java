package io.retailhub.contracts.commands;

import io.retailhub.contracts.Identifier;
import io.retailhub.contracts.Money;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** A credited quantity of one order line and the amount credited for it. */
public record CreditMemoLineRequest(@NotBlank @Size(max = 6) @Identifier String lineNumber,
		@Positive @Max(10_000) int quantity, @NotNull Money amount) {
}
