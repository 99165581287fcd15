package io.retailhub.experience.store;

import java.util.List;

import io.retailhub.contracts.Identifier;
import io.retailhub.contracts.ReturnReason;
import io.retailhub.contracts.events.Disposition;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * An online order's lines handed over at the counter: the order, the customer's verification
 * (exactly one of {@code email} and {@code lastName}), and per line the staff's inspection. The
 * store is the staff member's own, from their token.
 */
record StoreReturnRequest(@NotBlank @Size(max = 64) @Identifier String orderId, @Size(min = 3, max = 254) String email,
		@Size(min = 1, max = 80) String lastName, @NotEmpty @Size(max = 100) List<@Valid @NotNull Line> lines) {

	record Line(@NotBlank @Size(max = 6) @Identifier String lineNumber, @Positive @Max(10_000) int quantity,
			@NotNull ReturnReason reason,
			@NotNull @Pattern(regexp = "NEW|OPENED|USED|DAMAGED|DEFECTIVE",
					message = "must be NEW, OPENED, USED, DAMAGED or DEFECTIVE") String condition,
			@NotNull Disposition disposition) {
	}
}
