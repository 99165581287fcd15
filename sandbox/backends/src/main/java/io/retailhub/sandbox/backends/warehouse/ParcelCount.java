package io.retailhub.sandbox.backends.warehouse;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

/**
 * What a person at the dock counted for one order line of a parcel; every count is optional:
 * {@code received} defaults to the units of the RMA still outstanding on the line, {@code damaged}
 * and {@code rejected} (among the received) to zero.
 */
record ParcelCount(@NotBlank String lineNumber, @Min(0) @Max(10_000) Integer received,
		@Min(0) @Max(10_000) Integer damaged, @Min(0) @Max(10_000) Integer rejected) {
}
