package io.retailhub.contracts.commands;

import java.util.List;

import io.retailhub.contracts.Identifier;
import io.retailhub.contracts.Identifiers;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * A parcel handed over at a store for an RMA (an in-store return): the warehouse system books it at
 * {@code locationId}, one of its stores, and announces it by webhook like every receipt. Per order
 * line: the units received, and among them the damaged and the rejected ones (both default to zero).
 */
public record RecordReturnReceipt(@NotBlank @Size(max = Identifiers.MAX_LENGTH) @Identifier String rmaNumber,
		@NotBlank @Size(max = 20) @Identifier String locationId,
		@NotEmpty @Size(max = 100) List<@Valid @NotNull Line> lines) {

	public record Line(@NotBlank @Size(max = 6) @Identifier String lineNumber,
			@Positive @Max(10_000) int quantityReceived, @Min(0) @Max(10_000) int quantityDamaged,
			@Min(0) @Max(10_000) int quantityRejected) {
	}
}
