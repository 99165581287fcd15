package io.retailhub.process.refunds;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import io.retailhub.contracts.RefundStatus;
import io.retailhub.contracts.commands.CreateRefund;
import io.retailhub.contracts.events.HubRefundId;
import io.retailhub.contracts.events.RefundQueued;
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

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code refund.submit}: sends the refund to the payment provider, exactly once.
 * <ul>
 * <li>Every submission carries the key stored with the refund ({@code refund-<id>}) and the
 * refund's ID as reference.</li>
 * <li>Before sending again after any earlier submission (an answer lost to a timeout, a crash
 * mid-call), the provider is asked for refunds of the order under that reference: if one is
 * there, it is the refund, even if the provider has forgotten the key meanwhile.</li>
 * <li>Provider unavailable: the step parks, the refund is QUEUED (the event says when the engine
 * tries again), the customer's case gets a "refund pending" note (scheduled once), and the engine
 * retries with backoff.</li>
 * <li>No answer (a read timeout, the system API's 504): the refund is UNKNOWN. It stays UNKNOWN,
 * not QUEUED and with no "pending" note, until the provider answers: "unavailable" on a later
 * attempt says nothing about the submission that went unanswered, which may have paid.</li>
 * <li>Refused, or retries exhausted: a person must refund by hand.</li>
 * </ul>
 */
@Component
class SubmitRefundStep implements StepHandler {

	private final RefundRepository refunds;

	private final RefundManagement management;

	private final SystemApiClient systemApi;

	private final Outbox outbox;

	private final WorkflowSteps steps;

	private final TransactionTemplate transactions;

	private final Clock clock;

	SubmitRefundStep(RefundRepository refunds, RefundManagement management, SystemApiClient systemApi, Outbox outbox,
			WorkflowSteps steps, PlatformTransactionManager transactionManager, Clock clock) {
		this.refunds = refunds;
		this.management = management;
		this.systemApi = systemApi;
		this.outbox = outbox;
		this.steps = steps;
		this.transactions = new TransactionTemplate(transactionManager);
		this.clock = clock;
	}

	@Override
	public String step() {
		return ReturnWorkflow.SUBMIT_REFUND;
	}

	@Override
	public StepResult execute(StepExecution step) {
		// marks the submission before it leaves, so that a crash mid-call is followed by a look-up
		AtomicBoolean unresolved = new AtomicBoolean();
		AtomicBoolean queuedBefore = new AtomicBoolean();
		Optional<Refund> marked = transactions.execute(tx -> refunds.findByReturnId(step.workflowId())
			.filter(r -> r.status().awaitsProvider())
			.map(r -> {
				unresolved.set(unresolved(r));
				queuedBefore.set(r.status() == io.retailhub.process.refunds.RefundStatus.QUEUED);
				r.submitting(clock.instant());
				return refunds.saveAndFlush(r);
			}));
		if (marked.isEmpty()) {
			return StepResult.done();
		}
		Refund refund = marked.get();
		try {
			// an earlier submission may have paid, whatever its answer was
			if (refund.submissions() > 1) {
				Optional<io.retailhub.contracts.Refund> found = alreadyAtProvider(refund);
				if (found.isPresent()) {
					return outcome(refund, found.get(), "found by reference after an earlier submission");
				}
			}
			io.retailhub.contracts.Refund paid = systemApi.createRefund(refund.idempotencyKey(), new CreateRefund(
					refund.orderId(), refund.amount(), refund.reference(), "Return " + refund.returnNumber()));
			return outcome(refund, paid, "refunded");
		}
		catch (SystemApiUnavailable ex) {
			String reason = ex.backend() + " unavailable: " + ex.getMessage();
			if (unresolved.get()) {
				String waiting = reason + "; an earlier submission got no answer, the refund is looked up first";
				return StepResult.park(waiting, () -> reload(refund).ifPresent(r -> r.markUnknown(waiting,
						clock.instant())));
			}
			return StepResult.park(reason,
					nextAttemptAt -> queue(refund, reason, step, nextAttemptAt, queuedBefore.get()));
		}
		catch (SystemApiAmbiguous ex) {
			String reason = "no answer from the payment provider, will look the refund up before resubmitting: "
					+ ex.getMessage();
			return StepResult.retry(reason, () -> reload(refund).ifPresent(r -> {
				r.markUnknown(reason, clock.instant());
				steps.recordTimeline(r.returnId(), "refund.unknown", reason);
			}));
		}
		catch (SystemApiRejection ex) {
			String reason = "payment provider refused the refund: " + ex.detail();
			return StepResult.done(() -> reload(refund).ifPresent(r -> management.requireManualRefund(r, reason,
					step.attempt())));
		}
	}

	@Override
	public StepResult exhausted(StepExecution step, String lastError) {
		String reason = "retries exhausted after " + step.attempt() + " attempts: " + lastError;
		return StepResult.fail(reason, () -> refunds.findByReturnId(step.workflowId())
			.filter(r -> r.status().awaitsProvider())
			.ifPresent(r -> management.requireManualRefund(r, reason, step.attempt())));
	}

	/** The provider's refund of the order under this refund's reference, if an earlier submission made one. */
	private Optional<io.retailhub.contracts.Refund> alreadyAtProvider(Refund refund) {
		List<io.retailhub.contracts.Refund> found = systemApi.findRefunds(refund.orderId(), refund.reference());
		return found.stream()
			.filter(r -> refund.reference().equals(r.reference()))
			.filter(r -> r.status() != RefundStatus.FAILED && r.status() != RefundStatus.CANCELED)
			.findFirst()
			.or(() -> found.stream().filter(r -> refund.reference().equals(r.reference())).findFirst());
	}

	private StepResult outcome(Refund refund, io.retailhub.contracts.Refund paid, String how) {
		if (paid.status() == RefundStatus.FAILED || paid.status() == RefundStatus.CANCELED
				|| paid.status() == RefundStatus.REQUIRES_ACTION) {
			String reason = "payment provider refund " + paid.id() + " is " + paid.status()
					+ (paid.failureReason() == null ? "" : " (" + paid.failureReason() + ")");
			return StepResult.done(() -> reload(refund).ifPresent(r -> management.requireManualRefund(r, reason, 1)));
		}
		return StepResult.done(() -> reload(refund).ifPresent(r -> {
			Instant now = clock.instant();
			r.succeeded(paid.id(), now);
			steps.schedule(r.returnId(), ReturnWorkflow.TYPE, ReturnWorkflow.POST_CREDIT_MEMO, now);
			steps.recordTimeline(r.returnId(), "refund.succeeded", "Payment provider " + how + ": refund "
					+ paid.id() + " of " + paid.amount() + " (" + paid.status() + ")");
		}));
	}

	/** Nothing was paid and payment is away: QUEUED until {@code nextAttemptAt}, the step's new due time. */
	private void queue(Refund refund, String reason, StepExecution step, Instant nextAttemptAt,
			boolean alreadyQueued) {
		reload(refund).ifPresent(r -> {
			Instant now = clock.instant();
			r.queue(reason, now);
			// every parked attempt tells subscribers when the next one is due
			outbox.append(new RefundQueued(HubRefundId.of(r.id()), ReturnId.of(r.returnId()), r.orderId(), r.amount(),
					reason, Math.max(1, step.attempt()), nextAttemptAt, now));
			// once per return: scheduling the same step again is a no-op
			steps.schedule(r.returnId(), ReturnWorkflow.TYPE, ReturnWorkflow.NOTE_REFUND_PENDING, now);
			if (!alreadyQueued) {
				// the workflow's timeline records the change, not every attempt of a long outage
				steps.recordTimeline(r.returnId(), "refund.queued", reason);
			}
		});
	}

	/** An earlier submission got no answer (UNKNOWN) or its instance died mid-call (still SUBMITTED). */
	private static boolean unresolved(Refund refund) {
		// this package's RefundStatus, not the contract's of the same name imported above
		return refund.status() == io.retailhub.process.refunds.RefundStatus.UNKNOWN
				|| refund.status() == io.retailhub.process.refunds.RefundStatus.SUBMITTED;
	}

	private Optional<Refund> reload(Refund refund) {
		return refunds.findById(refund.id()).filter(r -> r.status().awaitsProvider());
	}
}
