package io.retailhub.experience.agent;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A comment an agent adds to a case; {@code published} shows it to the customer. */
record CaseCommentRequest(@NotBlank @Size(max = 3900) String body, Boolean published) {
}
