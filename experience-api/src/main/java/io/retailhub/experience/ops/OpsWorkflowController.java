package io.retailhub.experience.ops;

import java.util.Map;
import java.util.UUID;

import io.retailhub.contracts.problems.ProblemType;
import io.retailhub.experience.downstream.DownstreamException;
import io.retailhub.experience.downstream.OpsApiClient;
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
 * The ops team's workflows: those parked, waiting for a person, failed or stuck (process-api
 * checks the state and the duration and answers 400 for bad ones), and a parked step retried now,
 * recorded as the ops person's doing.
 */
@RestController
@RequestMapping("/api/ops/v1/workflows")
class OpsWorkflowController {

	/** The member of process-api's 409 that says what the step is instead of parked. */
	static final String STEP_STATUS = "stepStatus";

	private final OpsApiClient ops;

	OpsWorkflowController(OpsApiClient ops) {
		this.ops = ops;
	}

	@GetMapping
	JsonNode list(@RequestParam(required = false) String state, @RequestParam(required = false) String olderThan,
			@RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
		return this.ops.workflows(state, olderThan, page, size);
	}

	@PostMapping("/{workflowId}/steps/{step}/retry")
	@ResponseStatus(HttpStatus.ACCEPTED)
	JsonNode retry(@AuthenticationPrincipal Jwt token, @PathVariable UUID workflowId, @PathVariable String step) {
		try {
			return this.ops.retryStep(workflowId, step, ActingUser.ops(token));
		}
		catch (DownstreamException ex) {
			if (ex.notFound()) {
				throw ProblemException.notFound("Workflow " + workflowId + " has no step " + step + ".");
			}
			if (ex.refused() && ex.status() == 409 && ex.problem().get(STEP_STATUS) instanceof String status) {
				// what the step is instead of parked, as process-api said it
				throw new ProblemException(ProblemType.CONFLICT, String.valueOf(ex.problem().get("detail")),
						Map.of(STEP_STATUS, status));
			}
			throw ex;
		}
	}

}
