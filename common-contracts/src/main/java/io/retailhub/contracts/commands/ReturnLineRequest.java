package io.retailhub.contracts.commands;

import io.retailhub.contracts.Identifier;
import io.retailhub.contracts.ReturnReason;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** A quantity of one order line, by its line number, and why it comes back. */
public record ReturnLineRequest(@NotBlank @Size(max = 6) @Identifier String lineNumber,
		@Positive @Max(10_000) int quantity, @NotNull ReturnReason reason) {
}
