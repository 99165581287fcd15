package io.retailhub.process.refunds;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import io.retailhub.contracts.CreditMemo;
import io.retailhub.contracts.Money;
import io.retailhub.contracts.commands.CreateCreditMemo;
import io.retailhub.contracts.commands.CreditMemoLineRequest;
import io.retailhub.contracts.events.HubRefundId;
import io.retailhub.contracts.events.RefundPosted;
import io.retailhub.contracts.events.ReturnId;
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

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * {@code refund.post-credit-memo}: once the money went back, ERP gets the credit memo request,
 * keyed {@code CM-<return number>}: ERP is asked for that reference before anything is created,
 * so a repeat finds the first memo. Loyalty points would be reversed here; the hub has no loyalty
 * backend yet, so there is nothing to reverse.
 */
@Component
class PostCreditMemoStep implements StepHandler {

	private final RefundRepository refunds;

	private final SystemApiClient systemApi;

	private final Outbox outbox;

	private final WorkflowSteps steps;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	PostCreditMemoStep(RefundRepository refunds, SystemApiClient systemApi, Outbox outbox, WorkflowSteps steps,
			ApplicationEventPublisher events, Clock clock) {
		this.refunds = refunds;
		this.systemApi = systemApi;
		this.outbox = outbox;
		this.steps = steps;
		this.events = events;
		this.clock = clock;
	}

	@Override
	public String step() {
		return ReturnWorkflow.POST_CREDIT_MEMO;
	}

	static String externalReference(String returnNumber) {
		return "CM-" + returnNumber;
	}

	@Override
	public StepResult execute(StepExecution step) {
		Optional<Refund> found = refunds.findByReturnId(step.workflowId())
			.filter(r -> r.status() == RefundStatus.SUCCEEDED);
		if (found.isEmpty()) {
			return StepResult.done();
		}
		Refund refund = found.get();
		CreateCreditMemo memo = new CreateCreditMemo(externalReference(refund.returnNumber()), refund.orderId(),
				refund.rmaNumber().orElse(null),
				refund.lines()
					.stream()
					.map(l -> new CreditMemoLineRequest(l.lineNumber(), l.quantity(),
							new Money(l.amount(), refund.amount().currency())))
					.toList());
		try {
			CreditMemo posted = systemApi.createCreditMemo(memo);
			return StepResult.done(() -> refunds.findById(refund.id())
				.filter(r -> r.status() == RefundStatus.SUCCEEDED)
				.ifPresent(r -> {
					Instant now = clock.instant();
					r.creditMemoPosted(posted.id(), now);
					outbox.append(new RefundPosted(HubRefundId.of(r.id()), ReturnId.of(r.returnId()), r.orderId(),
							r.amount(), r.providerRefundId().orElseThrow(), posted.id(), now));
					steps.schedule(r.returnId(), ReturnWorkflow.TYPE, ReturnWorkflow.CLOSE_CASE, now);
					steps.recordTimeline(r.returnId(), "refund.posted", "Credit memo " + posted.id() + " ("
							+ memo.externalReference() + ") posted in ERP; no loyalty backend, no points to reverse");
				}));
		}
		catch (SystemApiUnavailable ex) {
			return StepResult.park(ex.backend() + " unavailable: " + ex.getMessage());
		}
		catch (SystemApiAmbiguous ex) {
			// repeat-safe: ERP is asked for the external reference before anything is created
			return StepResult.retry(ex.getMessage());
		}
		catch (SystemApiRejection ex) {
			String reason = "ERP refused the credit memo " + memo.externalReference() + ": " + ex.detail()
					+ " (the money is already refunded)";
			return StepResult.fail(reason, () -> {
				steps.recordTimeline(refund.returnId(), "refund.credit-memo-refused", reason);
				events.publishEvent(new RefundManagement.RefundNeedsAttention(refund.returnId(), refund.id(), reason));
			});
		}
	}
}
