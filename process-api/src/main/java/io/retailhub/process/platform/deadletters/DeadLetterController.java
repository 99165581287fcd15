package io.retailhub.process.platform.deadletters;

import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import io.retailhub.process.platform.deadletters.DeadLetterResponses.DeadLetterPageResponse;
import io.retailhub.process.platform.deadletters.DeadLetterResponses.DeadLetterResponse;
import io.retailhub.process.platform.deadletters.DeadLetterResponses.DeadLetterSummaryResponse;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Ops' view of the records process-api's consumers gave up on: list, inspect, replay. */
@RestController
@RequestMapping("/api/process/v1/dead-letters")
class DeadLetterController {

	private final DeadLetterManagement deadLetters;

	DeadLetterController(DeadLetterManagement deadLetters) {
		this.deadLetters = deadLetters;
	}

	/** Newest first. */
	@GetMapping
	DeadLetterPageResponse list(@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
		return new DeadLetterPageResponse(
				this.deadLetters.page(page, size).stream().map(DeadLetterSummaryResponse::of).toList(), page, size,
				this.deadLetters.count());
	}

	@GetMapping("/{id}")
	DeadLetterResponse get(@PathVariable UUID id) {
		return DeadLetterResponse.of(this.deadLetters.get(id));
	}

	/**
	 * Publishes the original record again, to its original topic; 202 because the consumer
	 * processes it later. Idempotent: see {@link DeadLetterManagement#replay(UUID)}.
	 */
	@PostMapping("/{id}/replay")
	@ResponseStatus(HttpStatus.ACCEPTED)
	DeadLetterSummaryResponse replay(@PathVariable UUID id) {
		return DeadLetterSummaryResponse.of(this.deadLetters.replay(id));
	}

}
