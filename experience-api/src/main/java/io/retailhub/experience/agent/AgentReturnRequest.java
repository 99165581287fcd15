package io.retailhub.experience.agent;

import java.util.List;

import io.retailhub.contracts.Identifier;
import io.retailhub.contracts.ReturnReason;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** A return an agent starts for a customer: which lines, how many, why. The channel is AGENT. */
record AgentReturnRequest(@NotEmpty @Size(max = 100) List<@Valid @NotNull Line> lines) {

	record Line(@NotBlank @Size(max = 6) @Identifier String lineNumber, @Positive @Max(10_000) int quantity,
			@NotNull ReturnReason reason) {
	}
}
