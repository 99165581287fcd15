package io.retailhub.process.returns.web;

import jakarta.validation.constraints.Size;

/** {@code POST /api/process/v1/returns/{id}/cancel}: an optional reason, kept with the cancellation. */
public record CancelReturnRequest(@Size(max = 500) String reason) {
}
