package io.retailhub.process.returns.web;

import java.util.List;

import io.retailhub.contracts.Identifier;
import io.retailhub.contracts.Identifiers;
import io.retailhub.contracts.ReturnReason;
import io.retailhub.contracts.events.ReturnChannel;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * {@code POST /api/process/v1/returns}: which order, through which channel, and which lines in
 * which quantities for which reason.
 */
public record CreateReturnRequest(@NotBlank @Size(max = Identifiers.MAX_LENGTH) @Identifier String orderId,
		@NotNull ReturnChannel channel, @NotEmpty @Size(max = 100) List<@Valid @NotNull Line> lines) {

	public record Line(@NotBlank @Size(max = 6) @Identifier String lineNumber, @Positive @Max(10_000) int quantity,
			@NotNull ReturnReason reason) {
	}
}
