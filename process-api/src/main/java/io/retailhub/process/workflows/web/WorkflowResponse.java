package io.retailhub.process.workflows.web;

import java.util.List;
import java.util.UUID;

import io.retailhub.process.platform.steps.StepView;
import io.retailhub.process.platform.steps.TimelineEntry;
import io.retailhub.process.refunds.RefundStatus;
import io.retailhub.process.returns.ReturnStatus;

/**
 * A workflow as ops see it: where the return and its refund are, every step with its attempts and
 * errors, and the timeline.
 */
public record WorkflowResponse(UUID id, String type, ReturnStatus returnStatus, UUID refundId,
		RefundStatus refundStatus, List<StepView> steps, List<TimelineEntry> timeline) {
}
