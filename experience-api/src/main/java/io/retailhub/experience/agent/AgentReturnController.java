package io.retailhub.experience.agent;

import java.util.UUID;

import io.retailhub.experience.downstream.DownstreamException;
import io.retailhub.experience.downstream.ProcessApiClient;
import io.retailhub.experience.downstream.ProcessReturn;
import io.retailhub.experience.security.ActingUser;
import io.retailhub.web.ProblemException;
import jakarta.validation.Valid;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A return, and what an agent does to it on a customer's behalf (recorded as the agent's doing). */
@RestController
@RequestMapping(AgentApi.PATH + "/returns")
class AgentReturnController {

	private final ProcessApiClient process;

	AgentReturnController(ProcessApiClient process) {
		this.process = process;
	}

	@GetMapping("/{returnId}")
	ProcessReturn find(@PathVariable UUID returnId) {
		return found(returnId, () -> this.process.returnOf(returnId));
	}

	/** Cancels before the warehouse received anything; 409 after. */
	@PostMapping("/{returnId}/cancellation")
	ProcessReturn cancel(@AuthenticationPrincipal Jwt token, @PathVariable UUID returnId,
			@Valid @RequestBody(required = false) CancellationRequest body) {
		return found(returnId,
				() -> this.process.cancel(returnId, body == null ? null : body.reason(), ActingUser.agent(token)));
	}

	/** Sends a return that needed a person back to where it was. */
	@PostMapping("/{returnId}/resumption")
	ProcessReturn resume(@AuthenticationPrincipal Jwt token, @PathVariable UUID returnId) {
		return found(returnId, () -> this.process.resume(returnId, ActingUser.agent(token)));
	}

	private static ProcessReturn found(UUID id, java.util.function.Supplier<ProcessReturn> call) {
		try {
			return call.get();
		}
		catch (DownstreamException ex) {
			if (ex.notFound()) {
				throw ProblemException.notFound("No return " + id + ".");
			}
			throw ex;
		}
	}
}
