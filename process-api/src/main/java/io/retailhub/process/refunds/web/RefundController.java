package io.retailhub.process.refunds.web;

import java.util.List;
import java.util.UUID;

import io.retailhub.contracts.Identifier;
import io.retailhub.contracts.Identifiers;
import io.retailhub.contracts.OrderId;
import io.retailhub.contracts.problems.ProblemType;
import io.retailhub.process.platform.web.Paging;
import io.retailhub.process.refunds.RefundManagement;
import io.retailhub.process.refunds.RefundView;
import io.retailhub.web.ProblemException;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/process/v1/refunds/{id}}: where a refund is; {@code GET ...?returnId=} the refund of
 * a return (none or one), {@code GET ...?orderId=} the refunds of an order, newest first, paged.
 */
@RestController
@RequestMapping("/api/process/v1/refunds")
class RefundController {

	private final RefundManagement refunds;

	RefundController(RefundManagement refunds) {
		this.refunds = refunds;
	}

	@GetMapping("/{id}")
	RefundResponse find(@PathVariable UUID id) {
		return refunds.find(id).map(RefundResponse::of).orElseThrow(() -> ProblemException.notFound("No refund " + id + "."));
	}

	@GetMapping
	ResponseEntity<List<RefundResponse>> list(@RequestParam(required = false) UUID returnId,
			@RequestParam(required = false) @Size(max = Identifiers.MAX_LENGTH) @Identifier String orderId,
			@RequestParam(defaultValue = "" + Paging.DEFAULT_LIMIT) @Min(1) @Max(Paging.MAX_LIMIT) int limit,
			@RequestParam(defaultValue = "0") @Min(0) @Max(Paging.MAX_PAGE) int page) {
		if ((returnId == null) == (orderId == null)) {
			throw new ProblemException(ProblemType.INVALID_REQUEST, "Give exactly one of returnId and orderId.");
		}
		List<RefundView> found = returnId != null
				? refunds.findByReturn(returnId).stream().skip((long) page * limit).limit(limit).toList()
				: refunds.findByOrder(OrderId.of(orderId), Paging.of(page, limit));
		return Paging.answer(found.stream().map(RefundResponse::of).toList(), page, limit);
	}
}
