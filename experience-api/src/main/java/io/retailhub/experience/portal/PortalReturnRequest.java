package io.retailhub.experience.portal;

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

/**
 * A return a shopper asks for: the order, the lines, how many, why. Nothing else: the customer is
 * the token's, the channel PORTAL, amounts and status the hub's. A body with any other member
 * (customerId, channel, refundAmount, status, ...) is refused, as every body of the hub is.
 */
record PortalReturnRequest(@NotBlank @Size(max = 64) @Identifier String orderId,
		@NotEmpty @Size(max = 100) List<@Valid @NotNull Line> lines) {

	record Line(@NotBlank @Size(max = 6) @Identifier String lineNumber, @Positive @Max(10_000) int quantity,
			@NotNull ReturnReason reason) {
	}
}
