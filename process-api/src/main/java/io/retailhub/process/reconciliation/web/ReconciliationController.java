package io.retailhub.process.reconciliation.web;

import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.retailhub.contracts.ActingUser;
import io.retailhub.contracts.problems.FieldError;
import io.retailhub.contracts.problems.Headers;
import io.retailhub.contracts.problems.ProblemProperties;
import io.retailhub.contracts.problems.ProblemType;
import io.retailhub.process.reconciliation.ReconciliationManagement;
import io.retailhub.process.reconciliation.ReconciliationReport;
import io.retailhub.web.ProblemException;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The reconciliation report: run it now, read the latest, the latest of a day, or one run.
 */
@RestController
@RequestMapping("/api/process/v1/reconciliation")
class ReconciliationController {

	private final ReconciliationManagement reconciliation;

	ReconciliationController(ReconciliationManagement reconciliation) {
		this.reconciliation = reconciliation;
	}

	/** Runs the reconciliation now, over the configured window; 201 with the report when it is done. */
	@PostMapping("/runs")
	ResponseEntity<ReconciliationReport> run(
			@RequestHeader(name = Headers.ACTING_USER, required = false) @Size(
					max = ActingUser.MAX_LENGTH) @Pattern(regexp = ActingUser.PATTERN,
							message = ActingUser.PATTERN_MESSAGE) String actingUser) {
		ReconciliationReport report = this.reconciliation
			.runNow(actingUser == null ? null : ActingUser.of(actingUser).toString());
		return ResponseEntity.created(URI.create("/api/process/v1/reconciliation/runs/" + report.id())).body(report);
	}

	@GetMapping("/runs/{id}")
	ReconciliationReport run(@PathVariable UUID id) {
		return this.reconciliation.find(id).orElseThrow(() -> ProblemException.notFound("No reconciliation run " + id + "."));
	}

	@GetMapping("/reports/latest")
	ReconciliationReport latest() {
		return this.reconciliation.latest(null)
			.orElseThrow(() -> ProblemException.notFound("No reconciliation report has finished yet."));
	}

	/** The latest finished report of a UTC day ({@code 2026-12-07}). */
	@GetMapping("/reports/{date}")
	ReconciliationReport ofDay(@PathVariable String date) {
		LocalDate day;
		try {
			day = LocalDate.parse(date);
		}
		catch (DateTimeParseException ex) {
			throw new ProblemException(ProblemType.INVALID_REQUEST, "The date is invalid.", Map.of(
					ProblemProperties.ERRORS, List.of(new FieldError("date", "must be a date like 2026-12-07, or latest"))));
		}
		return this.reconciliation.latest(day)
			.orElseThrow(() -> ProblemException.notFound("No reconciliation report finished on " + day + "."));
	}

}
