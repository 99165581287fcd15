package io.retailhub.process.returns.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * {@code POST /api/process/v1/returns/{id}/parcel}: the carrier the parcel was handed to and its
 * tracking code (letters, digits and dashes, 4 to 64).
 */
public record ReturnParcelRequest(@NotBlank @Size(max = 40) String carrier,
		@NotBlank @Pattern(regexp = "[A-Za-z0-9-]{4,64}", message = "must be 4 to 64 letters, digits or dashes")
		String trackingCode) {
}
