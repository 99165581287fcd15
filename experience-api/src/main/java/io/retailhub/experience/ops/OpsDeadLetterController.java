package io.retailhub.experience.ops;

import java.util.UUID;

import io.retailhub.experience.downstream.DownstreamException;
import io.retailhub.experience.downstream.ProcessApiClient;
import io.retailhub.experience.security.ActingUser;
import io.retailhub.web.ProblemException;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The ops team's dead letters: list, inspect and replay what process-api's consumers gave up on.
 * Only the ops role reaches {@code /api/ops/v1}; the replay is passed down as the ops person's doing.
 */
@RestController
@RequestMapping("/api/ops/v1/dead-letters")
class OpsDeadLetterController {

	private final ProcessApiClient process;

	OpsDeadLetterController(ProcessApiClient process) {
		this.process = process;
	}

	@GetMapping
	JsonNode list(@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
		return this.process.deadLetters(page, size);
	}

	@GetMapping("/{id}")
	JsonNode get(@PathVariable UUID id) {
		try {
			return this.process.deadLetter(id);
		}
		catch (DownstreamException ex) {
			throw notFoundOr(ex, id);
		}
	}

	@PostMapping("/{id}/replay")
	@ResponseStatus(HttpStatus.ACCEPTED)
	JsonNode replay(@AuthenticationPrincipal Jwt token, @PathVariable UUID id) {
		try {
			return this.process.replayDeadLetter(id, ActingUser.ops(token));
		}
		catch (DownstreamException ex) {
			throw notFoundOr(ex, id);
		}
	}

	private static RuntimeException notFoundOr(DownstreamException ex, UUID id) {
		return ex.notFound() ? ProblemException.notFound("No dead letter " + id + ".") : ex;
	}

}
