package io.retailhub.process.returns;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import io.retailhub.contracts.ActingUser;
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
 * {@code return.note-canceled}: an agent canceled a return that has an RMA; the CRM case says so,
 * naming the agent, in an internal comment, once (the comment carries the step's marker). Scheduled
 * only for agents: the case's own history shows what a customer did on the portal.
 */
@Component
class NoteCanceledStep implements StepHandler {

	private final ReturnCaseRepository returns;

	private final SystemApiClient systemApi;

	private final Outbox outbox;

	private final WorkflowSteps steps;

	private final Clock clock;

	NoteCanceledStep(ReturnCaseRepository returns, SystemApiClient systemApi, Outbox outbox, WorkflowSteps steps,
			Clock clock) {
		this.returns = returns;
		this.systemApi = systemApi;
		this.outbox = outbox;
		this.steps = steps;
		this.clock = clock;
	}

	@Override
	public String step() {
		return ReturnWorkflow.NOTE_CANCELED;
	}

	static String comment(ReturnCase ret, ActingUser agent) {
		return "Return " + ret.returnNumber() + " canceled by agent " + agent.subject() + ".";
	}

	@Override
	public StepResult execute(StepExecution step) {
		Optional<ReturnCase> found = returns.findById(step.workflowId());
		if (found.isEmpty() || found.get().canceledBy().isEmpty()) {
			return StepResult.done();
		}
		ReturnCase ret = found.get();
		Optional<CaseId> caseId = ret.caseId();
		if (caseId.isEmpty()) {
			// return.open-case opens the case of every return with an RMA, canceled ones too
			return StepResult.retry("the return's CRM case is not open yet");
		}
		String comment = comment(ret, ret.canceledBy().get());
		try {
			ServiceCase current = CaseComments.postOnce(systemApi, caseId.get(), comment, false,
					step.idempotencyKey());
			return StepResult.done(() -> {
				Instant now = clock.instant();
				outbox.append(new CaseUpdated(current.id(), ret.caseExternalId(), ret.orderId(), current.status(),
						comment, false, now));
				steps.recordTimeline(ret.id(), "case.cancel-noted",
						"Case " + current.caseNumber() + " notes the cancellation by agent "
								+ ret.canceledBy().get().subject(),
						ret.canceledBy().get().toString());
			});
		}
		catch (SystemApiUnavailable ex) {
			return StepResult.park(ex.backend() + " unavailable: " + ex.getMessage());
		}
		catch (SystemApiAmbiguous ex) {
			return StepResult.retry(ex.getMessage());
		}
		catch (SystemApiRejection ex) {
			return StepResult.fail("CRM refused the cancellation comment: " + ex.detail());
		}
	}
}
