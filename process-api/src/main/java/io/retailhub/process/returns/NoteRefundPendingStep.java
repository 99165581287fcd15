package io.retailhub.process.returns;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import io.retailhub.contracts.CaseId;
import io.retailhub.contracts.ServiceCase;
import io.retailhub.contracts.events.CaseUpdated;
import io.retailhub.process.platform.outbox.Outbox;
import io.retailhub.process.platform.steps.StepExecution;
import io.retailhub.process.platform.steps.StepHandler;
import io.retailhub.process.platform.steps.StepResult;
import io.retailhub.process.platform.steps.WorkflowSteps;
import io.retailhub.process.systemapi.SystemApiAmbiguous;
import io.retailhub.process.systemapi.SystemApiClient;
import io.retailhub.process.systemapi.SystemApiRejection;
import io.retailhub.process.systemapi.SystemApiUnavailable;
import io.retailhub.process.workflows.ReturnWorkflow;

import org.springframework.stereotype.Component;

/**
 * {@code return.note-refund-pending}: while the payment provider is down the refund waits, but
 * the customer hears about it: a published "refund pending" comment on the CRM case, once (the
 * step is scheduled once per return, and the comment carries the step's marker).
 */
@Component
class NoteRefundPendingStep implements StepHandler {

	static final String COMMENT = "Your return has been received and your refund is approved. The payment provider is "
			+ "temporarily unavailable, so the refund is pending; it will be sent automatically, no action is needed.";

	private final ReturnCaseRepository returns;

	private final SystemApiClient systemApi;

	private final Outbox outbox;

	private final WorkflowSteps steps;

	private final Clock clock;

	NoteRefundPendingStep(ReturnCaseRepository returns, SystemApiClient systemApi, Outbox outbox, WorkflowSteps steps,
			Clock clock) {
		this.returns = returns;
		this.systemApi = systemApi;
		this.outbox = outbox;
		this.steps = steps;
		this.clock = clock;
	}

	@Override
	public String step() {
		return ReturnWorkflow.NOTE_REFUND_PENDING;
	}

	@Override
	public StepResult execute(StepExecution step) {
		Optional<ReturnCase> found = returns.findById(step.workflowId());
		if (found.isEmpty() || found.get().status() != ReturnStatus.REFUNDING) {
			return StepResult.done();
		}
		ReturnCase ret = found.get();
		Optional<CaseId> caseId = ret.caseId();
		if (caseId.isEmpty()) {
			return StepResult.retry("the return's CRM case is not open yet");
		}
		try {
			ServiceCase current = CaseComments.postOnce(systemApi, caseId.get(), COMMENT, true, step.idempotencyKey());
			return StepResult.done(() -> {
				Instant now = clock.instant();
				outbox.append(new CaseUpdated(current.id(), ret.caseExternalId(), ret.orderId(), current.status(),
						COMMENT, true, now));
				steps.recordTimeline(ret.id(), "case.refund-pending-noted",
						"Customer told on case " + current.caseNumber() + " that the refund is pending");
			});
		}
		catch (SystemApiUnavailable ex) {
			return StepResult.park(ex.backend() + " unavailable: " + ex.getMessage());
		}
		catch (SystemApiAmbiguous ex) {
			return StepResult.retry(ex.getMessage());
		}
		catch (SystemApiRejection ex) {
			return StepResult.fail("CRM refused the refund-pending comment: " + ex.detail());
		}
	}
}
