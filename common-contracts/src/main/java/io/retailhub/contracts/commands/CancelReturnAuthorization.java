package io.retailhub.contracts.commands;

import io.retailhub.contracts.ReturnAuthorizationCancelReason;
import jakarta.validation.constraints.NotNull;

/**
 * Cancels a return authorization: ERP rejects every item not yet rejected, with the reason's
 * rejection code. Canceling again changes nothing.
 */
public record CancelReturnAuthorization(@NotNull ReturnAuthorizationCancelReason reason) {
}
