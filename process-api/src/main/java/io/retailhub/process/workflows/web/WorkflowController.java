package io.retailhub.process.workflows.web;

import java.util.UUID;

import io.retailhub.process.platform.steps.WorkflowSteps;
import io.retailhub.process.refunds.RefundManagement;
import io.retailhub.process.refunds.RefundView;
import io.retailhub.process.returns.ReturnManagement;
import io.retailhub.process.returns.ReturnView;
import io.retailhub.web.ProblemException;
import io.retailhub.process.workflows.ReturnWorkflow;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/process/v1/workflows/{id}}: a return's workflow (its ID is the return's). */
@RestController
@RequestMapping("/api/process/v1/workflows")
class WorkflowController {

	private final ReturnManagement returns;

	private final RefundManagement refunds;

	private final WorkflowSteps steps;

	WorkflowController(ReturnManagement returns, RefundManagement refunds, WorkflowSteps steps) {
		this.returns = returns;
		this.refunds = refunds;
		this.steps = steps;
	}

	@GetMapping("/{id}")
	WorkflowResponse find(@PathVariable UUID id) {
		ReturnView ret = returns.find(id).orElseThrow(() -> ProblemException.notFound("No workflow " + id + "."));
		RefundView refund = refunds.findByReturn(id).orElse(null);
		return new WorkflowResponse(id, ReturnWorkflow.TYPE, ret.status(), refund == null ? null : refund.id(),
				refund == null ? null : refund.status(), steps.steps(id), steps.timeline(id));
	}
}
