package io.retailhub.experience.agent;

import jakarta.validation.constraints.Size;

/** Why an agent cancels a return (optional). */
record CancellationRequest(@Size(max = 500) String reason) {
}
