package io.retailhub.process.returns;

import java.time.Clock;
import java.time.Instant;

import io.retailhub.process.platform.outbox.Outbox;
import io.retailhub.process.platform.steps.StepExecution;
import io.retailhub.process.platform.steps.StepHandler;
import io.retailhub.process.platform.steps.StepResult;
import io.retailhub.process.platform.steps.WorkflowSteps;
import io.retailhub.process.workflows.ReturnWorkflow;

import org.springframework.stereotype.Component;

/**
 * {@code return.expire}: the durable timer. It is a step row due at the return's expiry, so it
 * survives restarts and fires once; an authorized return with nothing received then expires.
 * Anything else (a parcel arrived, the return was canceled) makes it a no-op. An expired return's
 * RMA is canceled in ERP by {@code return.cancel-rma}, scheduled with the expiry.
 */
@Component
class ExpireReturnStep implements StepHandler {

	private final ReturnCaseRepository returns;

	private final Outbox outbox;

	private final WorkflowSteps steps;

	private final Clock clock;

	ExpireReturnStep(ReturnCaseRepository returns, Outbox outbox, WorkflowSteps steps, Clock clock) {
		this.returns = returns;
		this.outbox = outbox;
		this.steps = steps;
		this.clock = clock;
	}

	@Override
	public String step() {
		return ReturnWorkflow.EXPIRE;
	}

	@Override
	public StepResult execute(StepExecution step) {
		return StepResult.done(() -> returns.findById(step.workflowId()).ifPresent(ret -> {
			Instant now = clock.instant();
			if (ret.expire(now)) {
				outbox.append(ReturnEvents.expired(ret, now));
				steps.schedule(ret.id(), ReturnWorkflow.TYPE, ReturnWorkflow.CANCEL_RMA, now);
				steps.recordTimeline(ret.id(), "return.expired",
						"Nothing received by " + ret.expiresAt() + "; the return expired");
			}
			else {
				steps.recordTimeline(ret.id(), "return.expiry-skipped", "Expiry timer fired; the return is "
						+ ret.status() + ret.parcel().map(p -> " and its parcel is on its way (" + p.carrier() + " "
								+ p.trackingCode() + ")").orElse("") + ", nothing to do");
			}
		}));
	}
}
