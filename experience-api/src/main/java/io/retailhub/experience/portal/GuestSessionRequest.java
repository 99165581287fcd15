package io.retailhub.experience.portal;

import io.retailhub.contracts.Identifier;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A guest's proof of an order: its number and the e-mail it was placed with. */
record GuestSessionRequest(@NotBlank @Size(max = 64) @Identifier String orderNumber,
		@NotBlank @Size(max = 254) String email) {
}
