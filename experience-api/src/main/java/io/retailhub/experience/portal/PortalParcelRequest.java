package io.retailhub.experience.portal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The parcel a shopper handed to a carrier for their return: the carrier and the tracking code on
 * its receipt. Nothing else (a body with any other member is refused, as every body of the hub is).
 */
record PortalParcelRequest(@NotBlank @Size(max = 40) String carrier,
		@NotBlank @Pattern(regexp = "\\s*[A-Za-z0-9-]{4,64}\\s*", message = "must be 4 to 64 letters, digits or dashes")
		String trackingCode) {
}
