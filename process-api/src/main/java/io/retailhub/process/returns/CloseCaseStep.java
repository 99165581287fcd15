package io.retailhub.process.returns;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import io.retailhub.contracts.CaseId;
import io.retailhub.contracts.CaseStatus;
import io.retailhub.contracts.Money;
import io.retailhub.contracts.commands.UpdateCase;
import io.retailhub.contracts.events.CaseClosed;
import io.retailhub.contracts.events.HubRefundId;
import io.retailhub.process.platform.outbox.Outbox;
import io.retailhub.process.platform.steps.StepExecution;
import io.retailhub.process.platform.steps.StepHandler;
import io.retailhub.process.platform.steps.StepResult;
import io.retailhub.process.platform.steps.WorkflowSteps;
import io.retailhub.process.refunds.RefundManagement;
import io.retailhub.process.refunds.RefundStatus;
import io.retailhub.process.refunds.RefundView;
import io.retailhub.process.systemapi.SystemApiAmbiguous;
import io.retailhub.process.systemapi.SystemApiClient;
import io.retailhub.process.systemapi.SystemApiRejection;
import io.retailhub.process.systemapi.SystemApiUnavailable;
import io.retailhub.process.workflows.ReturnWorkflow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * {@code return.close-case}: the last step. The case gets a closing comment (posted once, see
 * {@link CaseComments}) and is closed (setting CLOSED twice is harmless); then the refund is
 * COMPLETED and the return CLOSED, in one transaction with their events.
 */
@Component
class CloseCaseStep implements StepHandler {

	private static final Logger log = LoggerFactory.getLogger(CloseCaseStep.class);

	private final ReturnCaseRepository returns;

	private final RefundManagement refunds;

	private final SystemApiClient systemApi;

	private final Outbox outbox;

	private final WorkflowSteps steps;

	private final ReturnMetrics metrics;

	private final Clock clock;

	CloseCaseStep(ReturnCaseRepository returns, RefundManagement refunds, SystemApiClient systemApi, Outbox outbox,
			WorkflowSteps steps, ReturnMetrics metrics, Clock clock) {
		this.returns = returns;
		this.refunds = refunds;
		this.systemApi = systemApi;
		this.outbox = outbox;
		this.steps = steps;
		this.metrics = metrics;
		this.clock = clock;
	}

	@Override
	public String step() {
		return ReturnWorkflow.CLOSE_CASE;
	}

	@Override
	public StepResult execute(StepExecution step) {
		Optional<ReturnCase> found = returns.findById(step.workflowId()).filter(ReturnCase::awaitsClosing);
		if (found.isEmpty()) {
			return StepResult.done();
		}
		ReturnCase ret = found.get();
		Optional<RefundView> refund = refunds.findByReturn(ret.id());
		if (refund.isPresent() && refund.get().status() != RefundStatus.CREDIT_MEMO_POSTED
				&& refund.get().status() != RefundStatus.COMPLETED) {
			return StepResult.retry("refund " + refund.get().id() + " is " + refund.get().status()
					+ ", the case closes once the credit memo is posted");
		}
		Optional<CaseId> caseId = ret.caseId();
		if (caseId.isEmpty()) {
			return StepResult.retry("the return's CRM case is not open yet");
		}
		String resolution = resolution(ret, refund);
		try {
			CaseComments.postOnce(systemApi, caseId.get(), resolution, true, step.idempotencyKey());
			systemApi.updateCase(caseId.get(), new UpdateCase(CaseStatus.CLOSED, null, null, null));
			return StepResult.done(() -> close(ret, caseId.get(), refund, resolution));
		}
		catch (SystemApiUnavailable ex) {
			return StepResult.park(ex.backend() + " unavailable: " + ex.getMessage());
		}
		catch (SystemApiAmbiguous ex) {
			return StepResult.retry(ex.getMessage());
		}
		catch (SystemApiRejection ex) {
			return StepResult.fail("CRM refused to close the case: " + ex.detail());
		}
	}

	private void close(ReturnCase stale, CaseId caseId, Optional<RefundView> refund, String resolution) {
		ReturnCase ret = returns.findById(stale.id()).filter(ReturnCase::awaitsClosing).orElse(null);
		if (ret == null) {
			return;
		}
		Instant now = clock.instant();
		ret.close(now);
		refunds.complete(ret.id());
		Money refunded = refund.map(RefundView::amount).orElse(null);
		outbox.append(new CaseClosed(caseId, ret.caseExternalId(), ret.orderId(), resolution, now));
		outbox.append(ReturnEvents.closed(ret, refund.map(r -> HubRefundId.of(r.id())).orElse(null), refunded, now));
		steps.recordTimeline(ret.id(), "return.closed", resolution);
		log.info("Return {} ({}) of order {} closed: {}", ret.id(), ret.rmaNumber().map(Object::toString).orElse("no RMA"), ret.orderId(),
				resolution);
		if (refund.isPresent()) {
			metrics.refundCompleted(ret.requestedAt(), now);
		}
		metrics.returnClosed(ret, now);
		metrics.caseResolved(ret.caseOpenedAt(), now);
	}

	static String resolution(ReturnCase ret, Optional<RefundView> refund) {
		return refund.map(r -> "Return " + ret.returnNumber() + " complete: refunded " + r.amount()
				+ (r.creditMemoId() == null ? "" : ", credit memo " + r.creditMemoId()) + ".")
			.orElse("Return " + ret.returnNumber() + " complete: nothing was refundable.");
	}
}
