package io.retailhub.system.returnauthorizations;

import java.util.List;

import jakarta.validation.Valid;

import io.retailhub.contracts.OrderId;
import io.retailhub.contracts.ReturnAuthorization;
import io.retailhub.contracts.ReturnAuthorizationId;
import io.retailhub.contracts.commands.CancelReturnAuthorization;
import io.retailhub.contracts.commands.CreateReturnAuthorization;
import io.retailhub.system.backend.CreateOutcome;
import io.retailhub.system.backend.ResourceNotFoundException;
import io.retailhub.system.erp.SapErpAdapter;
import io.retailhub.system.web.CreatedResponses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Return authorizations: customer returns (RMAs) in ERP. Creating one is idempotent by
 * {@code externalReference}: the first request answers {@code 201 Created} with a
 * {@code Location}; a repeat with the same reference answers {@code 200 OK} with the document
 * the first one created, and creates nothing. The same reference for another order is a conflict
 * (409). Canceling one ({@code POST /{id}/cancellation}) rejects its items in ERP and is
 * repeatable too.
 */
@RestController
@RequestMapping("/api/system/v1/return-authorizations")
@Tag(name = "Return authorizations", description = "Customer returns (RMAs) in ERP, idempotent by external reference")
class ReturnAuthorizationController {

	private final SapErpAdapter erp;

	ReturnAuthorizationController(SapErpAdapter erp) {
		this.erp = erp;
	}

	/**
	 * 201 or 200 is what the adapter's check before create found, under the reference's lock: of
	 * two first requests racing each other, one creates (201) and the other answers its document
	 * (200).
	 */
	@PostMapping
	@Operation(summary = "Authorize a return in ERP; a repeat with the same externalReference answers the first document")
	ResponseEntity<ReturnAuthorization> create(@Valid @RequestBody CreateReturnAuthorization command) {
		CreateOutcome<ReturnAuthorization> outcome = erp.createOrFindReturnAuthorization(command);
		ReturnAuthorization authorization = outcome.value();
		return CreatedResponses.createdOrRepeated(!outcome.created(), authorization, authorization.id().value());
	}

	/**
	 * Cancels the RMA in ERP: its items are rejected with the reason's code. Answers the canceled
	 * return authorization ({@code REJECTED}); a repeat answers the same and writes nothing.
	 */
	@PostMapping("/{id}/cancellation")
	@Operation(summary = "Cancel a return authorization in ERP (its items are rejected); a repeat changes nothing",
			description = "404 for an RMA ERP does not know; 409 once the warehouse received anything for it.")
	ReturnAuthorization cancel(@PathVariable ReturnAuthorizationId id,
			@Valid @RequestBody CancelReturnAuthorization command) {
		return erp.cancelReturnAuthorization(id, command.reason());
	}

	@GetMapping("/{id}")
	@Operation(summary = "One return authorization with its lines and ERP status")
	ReturnAuthorization returnAuthorization(@PathVariable ReturnAuthorizationId id) {
		return erp.findReturnAuthorization(id)
			.orElseThrow(() -> new ResourceNotFoundException("return authorization", id.value()));
	}

	@GetMapping
	@Operation(summary = "Every return authorization of an order, including returns booked before the hub existed")
	List<ReturnAuthorization> returnAuthorizationsOfOrder(@RequestParam OrderId orderId) {
		return erp.findReturnAuthorizationsOfOrder(orderId);
	}
}
