package io.retailhub.process.workflows.web;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.retailhub.contracts.ActingUser;
import io.retailhub.contracts.problems.FieldError;
import io.retailhub.contracts.problems.Headers;
import io.retailhub.contracts.problems.ProblemProperties;
import io.retailhub.contracts.problems.ProblemType;
import io.retailhub.process.platform.steps.ParkedStepRetries;
import io.retailhub.process.platform.steps.StepView;
import io.retailhub.process.workflows.WorkflowState;
import io.retailhub.process.workflows.WorkflowsByState;
import io.retailhub.web.ProblemException;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Ops' side of the workflows: which are parked, failed, stuck or waiting for a person, and a parked
 * step retried now instead of at the end of its backoff.
 */
@RestController
@RequestMapping("/api/process/v1/workflows")
class WorkflowOpsController {

	/** The longest {@code olderThan} taken: ten years, far beyond any retention. */
	static final Duration MAX_OLDER_THAN = Duration.ofDays(3650);

	private final WorkflowsByState workflows;

	private final ParkedStepRetries retries;

	WorkflowOpsController(WorkflowsByState workflows, ParkedStepRetries retries) {
		this.workflows = workflows;
		this.retries = retries;
	}

	/**
	 * {@code ?state=PARKED|NEEDS_PERSON|FAILED|STUCK&olderThan=PT2H}, oldest first. {@code olderThan}
	 * is an ISO-8601 duration; for STUCK it defaults to {@link WorkflowsByState#DEFAULT_STUCK_AFTER},
	 * for the others to zero (all of them).
	 */
	@GetMapping
	WorkflowStatePage list(@RequestParam(required = false) String state,
			@RequestParam(required = false) String olderThan,
			@RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
		WorkflowState wanted = state(state);
		Duration age = olderThan == null ? (wanted == WorkflowState.STUCK ? WorkflowsByState.DEFAULT_STUCK_AFTER
				: Duration.ZERO) : duration(olderThan);
		WorkflowsByState.Page found = this.workflows.find(wanted, age, page, size);
		return new WorkflowStatePage(wanted, age.toString(), found.items(), page, size, found.total());
	}

	/**
	 * 202: the parked step is due now and the workers are woken (it runs moments later, on
	 * whichever instance claims it); 404 for an unknown workflow or step; 409 when the step is not
	 * parked or runs right now.
	 */
	@PostMapping("/{workflowId}/steps/{step}/retry")
	@ResponseStatus(HttpStatus.ACCEPTED)
	StepView retry(@PathVariable UUID workflowId,
			@PathVariable @Size(max = 100) @Pattern(regexp = "[a-z][a-z0-9.-]*",
					message = "must be a step name, e.g. refund.submit") String step,
			@RequestHeader(name = Headers.ACTING_USER, required = false) @Size(
					max = ActingUser.MAX_LENGTH) @Pattern(regexp = ActingUser.PATTERN,
							message = ActingUser.PATTERN_MESSAGE) String actingUser) {
		try {
			return this.retries.retryNow(workflowId, step, actingUser == null ? null : ActingUser.of(actingUser).toString());
		}
		catch (ParkedStepRetries.UnknownStep ex) {
			throw ProblemException.notFound(ex.getMessage());
		}
		catch (ParkedStepRetries.NotParked ex) {
			throw new ProblemException(ProblemType.CONFLICT, ex.getMessage(),
					Map.of("stepStatus", ex.running() ? "RUNNING" : ex.step().status().name()));
		}
	}

	private static WorkflowState state(String value) {
		if (value != null) {
			try {
				return WorkflowState.valueOf(value);
			}
			catch (IllegalArgumentException ex) {
				// answered below
			}
		}
		throw invalid("state", "must be one of " + Arrays.toString(WorkflowState.values()));
	}

	private static Duration duration(String value) {
		try {
			Duration duration = Duration.parse(value);
			if (!duration.isNegative() && duration.compareTo(MAX_OLDER_THAN) <= 0) {
				return duration;
			}
		}
		catch (DateTimeParseException ex) {
			// answered below
		}
		throw invalid("olderThan", "must be an ISO-8601 duration from PT0S to P3650D, e.g. PT2H");
	}

	private static ProblemException invalid(String parameter, String message) {
		return new ProblemException(ProblemType.INVALID_REQUEST, "Parameter " + parameter + " is invalid.",
				Map.of(ProblemProperties.ERRORS, List.of(new FieldError(parameter, message))));
	}

	/** A page of workflows in a state, with the filter as applied. */
	record WorkflowStatePage(WorkflowState state, String olderThan, List<WorkflowsByState.WorkflowInState> items,
			int page, int size, long total) {
	}

}
