package io.retailhub.experience.agent;

import io.retailhub.contracts.CaseComment;
import io.retailhub.contracts.CaseId;
import io.retailhub.contracts.commands.AddCaseComment;
import io.retailhub.experience.downstream.DownstreamException;
import io.retailhub.experience.downstream.SystemApiClient;
import io.retailhub.experience.orders.Ids;
import io.retailhub.experience.security.ActingUser;
import io.retailhub.web.ProblemException;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(AgentApi.PATH + "/cases")
class AgentCaseController {

	private final SystemApiClient system;

	AgentCaseController(SystemApiClient system) {
		this.system = system;
	}

	/**
	 * Adds a comment to the case, signed with the agent's name in the CRM (internal unless
	 * {@code published}). Sent once: the CRM's comments are not idempotent.
	 */
	@PostMapping("/{caseId}/comments")
	ResponseEntity<CaseComment> comment(@AuthenticationPrincipal Jwt token, @PathVariable String caseId,
			@Valid @RequestBody CaseCommentRequest body) {
		CaseId id = Ids.parse(caseId, "caseId", CaseId::of);
		ActingUser agent = ActingUser.agent(token);
		try {
			CaseComment added = this.system.comment(id,
					new AddCaseComment("[" + agent.header() + "] " + body.body(), Boolean.TRUE.equals(body.published())),
					agent);
			return ResponseEntity.status(HttpStatus.CREATED).body(added);
		}
		catch (DownstreamException ex) {
			if (ex.notFound()) {
				throw ProblemException.notFound("No case " + id + ".");
			}
			throw ex;
		}
	}
}
