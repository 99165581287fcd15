package io.retailhub.system.cases;

import java.util.List;
import java.util.Optional;

import io.retailhub.contracts.CaseComment;
import io.retailhub.contracts.CaseId;
import io.retailhub.contracts.CustomerId;
import io.retailhub.contracts.OrderId;
import io.retailhub.contracts.ServiceCase;
import io.retailhub.contracts.commands.AddCaseComment;
import io.retailhub.contracts.commands.OpenCase;
import io.retailhub.contracts.commands.UpdateCase;
import io.retailhub.system.backend.CreateOutcome;
import io.retailhub.system.backend.ResourceNotFoundException;
import io.retailhub.system.crm.SalesforceCrmAdapter;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Customer-service cases in the CRM. Opening is an upsert on the caller's {@code externalId}:
 * the first request creates the case (201 with its Location), a repeat updates the same case
 * and answers 200.
 */
@RestController
@RequestMapping("/api/system/v1/cases")
@Tag(name = "Cases", description = "Customer-service cases in the CRM")
class CaseController {

	private final SalesforceCrmAdapter crm;

	CaseController(SalesforceCrmAdapter crm) {
		this.crm = crm;
	}

	/** 201 or 200 is the CRM's own answer to the upsert: created, or updated an existing case. */
	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Open a case, or update the one with this externalId (201 when created, 200 when it existed)")
	ResponseEntity<ServiceCase> open(@Valid @RequestBody OpenCase command, UriComponentsBuilder uri) {
		CreateOutcome<ServiceCase> outcome = crm.openOrUpdateCase(command);
		ServiceCase opened = outcome.value();
		if (!outcome.created()) {
			return ResponseEntity.ok(opened);
		}
		return ResponseEntity
			.created(uri.path("/api/system/v1/cases/{id}").buildAndExpand(opened.id().value()).toUri())
			.body(opened);
	}

	@GetMapping("/{id}")
	@Operation(summary = "One case with its comments")
	ServiceCase serviceCase(@PathVariable CaseId id) {
		return crm.findCase(id).orElseThrow(() -> new ResourceNotFoundException("case", id.value()));
	}

	@GetMapping
	@Operation(summary = "Cases by customerId and/or orderId (newest first), or the one case with an externalId")
	List<ServiceCase> search(@Valid CaseSearch search) {
		CustomerId customerId = search.customerId() == null ? null : CustomerId.of(search.customerId());
		OrderId orderId = search.orderId() == null ? null : OrderId.of(search.orderId());
		if (search.externalId() != null) {
			Optional<ServiceCase> found = crm.findCaseByExternalId(search.externalId());
			return found.filter(c -> customerId == null || customerId.equals(c.customerId()))
				.filter(c -> orderId == null || orderId.equals(c.orderId()))
				.stream()
				.toList();
		}
		return crm.findCases(customerId, orderId);
	}

	@PatchMapping(path = "/{id}", consumes = { MediaType.APPLICATION_JSON_VALUE, "application/merge-patch+json" })
	@Operation(summary = "Change a case's status, priority, subject or description; absent members stay as they are")
	ServiceCase update(@PathVariable CaseId id, @Valid @RequestBody UpdateCase command) {
		return crm.updateCase(id, command);
	}

	/** Comments have no address of their own: they are read with their case. */
	@PostMapping(path = "/{id}/comments", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Add a comment to a case (not idempotent: sent once, never retried)")
	ResponseEntity<CaseComment> comment(@PathVariable CaseId id, @Valid @RequestBody AddCaseComment command) {
		return ResponseEntity.status(HttpStatus.CREATED).body(crm.addComment(id, command));
	}
}
