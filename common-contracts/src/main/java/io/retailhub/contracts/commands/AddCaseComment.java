package io.retailhub.contracts.commands;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A note to add to a case; {@code published} ones are visible to the customer. */
public record AddCaseComment(@NotBlank @Size(max = 4000) String body, boolean published) {
}
