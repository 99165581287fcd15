package io.retailhub.process.returns.web;

import java.util.List;

import io.retailhub.contracts.Identifier;
import io.retailhub.contracts.Identifiers;
import io.retailhub.contracts.ReturnReason;
import io.retailhub.contracts.events.Disposition;
import io.retailhub.process.returns.ItemCondition;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * {@code POST /api/process/v1/store-returns}: an online order's lines handed over at a store's
 * counter, each with the staff's inspection: the item's condition and what becomes of its units
 * ({@code RESTOCK}, {@code DAMAGED}, {@code REFUSE}).
 */
public record CreateStoreReturnRequest(@NotBlank @Size(max = Identifiers.MAX_LENGTH) @Identifier String orderId,
		@NotBlank @Size(max = 20) @Identifier String storeId, @NotEmpty @Size(max = 100) List<@Valid @NotNull Line> lines) {

	public record Line(@NotBlank @Size(max = 6) @Identifier String lineNumber, @Positive @Max(10_000) int quantity,
			@NotNull ReturnReason reason, @NotNull ItemCondition condition, @NotNull Disposition disposition) {
	}
}
