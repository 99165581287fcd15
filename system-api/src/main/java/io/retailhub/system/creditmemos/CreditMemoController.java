package io.retailhub.system.creditmemos;

import java.util.List;

import jakarta.validation.Valid;

import io.retailhub.contracts.CreditMemo;
import io.retailhub.contracts.CreditMemoId;
import io.retailhub.contracts.OrderId;
import io.retailhub.contracts.commands.CreateCreditMemo;
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
 * Credit memos: credit memo requests in ERP. Creating one is idempotent by
 * {@code externalReference}: {@code 201 Created} with a {@code Location} the first time,
 * {@code 200 OK} with the same document on a repeat, never a second document.
 */
@RestController
@RequestMapping("/api/system/v1/credit-memos")
@Tag(name = "Credit memos", description = "Credit memo requests in ERP, idempotent by external reference")
class CreditMemoController {

	private final SapErpAdapter erp;

	private final CreditMemoManagement creditMemos;

	CreditMemoController(SapErpAdapter erp, CreditMemoManagement creditMemos) {
		this.erp = erp;
		this.creditMemos = creditMemos;
	}

	/**
	 * 201 or 200 is what the adapter's check before create found, under the reference's lock. The
	 * amounts are checked against the order before anything is written ({@link CreditMemoManagement}).
	 */
	@PostMapping
	@Operation(summary = "Post a credit memo request in ERP; a repeat with the same externalReference answers the first document",
			description = "422 not-allowed-for-order when a line is not the order's, exceeds its ordered quantity, is in "
					+ "another currency, or the total exceeds what may still be credited; nothing is written then.")
	ResponseEntity<CreditMemo> create(@Valid @RequestBody CreateCreditMemo command) {
		CreateOutcome<CreditMemo> outcome = creditMemos.createOrFind(command);
		CreditMemo creditMemo = outcome.value();
		return CreatedResponses.createdOrRepeated(!outcome.created(), creditMemo, creditMemo.id().value());
	}

	@GetMapping("/{id}")
	@Operation(summary = "One credit memo with its lines")
	CreditMemo creditMemo(@PathVariable CreditMemoId id) {
		return erp.findCreditMemo(id).orElseThrow(() -> new ResourceNotFoundException("credit memo", id.value()));
	}

	/** What reconciliation compares refunds with: every credit memo request ERP holds for the order. */
	@GetMapping
	@Operation(summary = "An order's credit memo requests in ERP, the ones from before the hub included")
	List<CreditMemo> creditMemosOfOrder(@RequestParam OrderId orderId) {
		return erp.findCreditMemosOfOrder(orderId);
	}
}
