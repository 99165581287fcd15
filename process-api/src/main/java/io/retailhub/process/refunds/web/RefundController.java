package io.retailhub.process.refunds.web;

import java.util.UUID;

import io.retailhub.process.refunds.RefundManagement;
import io.retailhub.web.ProblemException;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/process/v1/refunds/{id}}: where a refund is. */
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
}
