package io.retailhub.experience.ops;

import java.net.URI;
import java.util.UUID;

import io.retailhub.experience.downstream.DownstreamException;
import io.retailhub.experience.downstream.OpsApiClient;
import io.retailhub.experience.security.ActingUser;
import io.retailhub.web.ProblemException;
import tools.jackson.databind.JsonNode;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The reconciliation report per order: run now (as the ops person's doing), the latest, the latest
 * of a UTC day, one run.
 */
@RestController
@RequestMapping("/api/ops/v1/reconciliation")
class OpsReconciliationController {

	private final OpsApiClient ops;

	OpsReconciliationController(OpsApiClient ops) {
		this.ops = ops;
	}

	@PostMapping("/runs")
	ResponseEntity<JsonNode> run(@AuthenticationPrincipal Jwt token) {
		JsonNode report = this.ops.runReconciliation(ActingUser.ops(token));
		return ResponseEntity.created(URI.create("/api/ops/v1/reconciliation/runs/" + report.path("id").asString()))
			.body(report);
	}

	@GetMapping("/runs/{id}")
	JsonNode run(@PathVariable UUID id) {
		try {
			return this.ops.reconciliationRun(id);
		}
		catch (DownstreamException ex) {
			throw ex.notFound() ? ProblemException.notFound("No reconciliation run " + id + ".") : ex;
		}
	}

	/** {@code latest} or a UTC day such as {@code 2026-12-07} (400 for anything else). */
	@GetMapping("/reports/{day}")
	JsonNode report(@PathVariable String day) {
		try {
			return this.ops.reconciliationReport(day);
		}
		catch (DownstreamException ex) {
			throw ex.notFound() ? ProblemException.notFound("No reconciliation report for " + day + ".") : ex;
		}
	}

}
