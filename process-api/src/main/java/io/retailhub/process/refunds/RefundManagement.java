package io.retailhub.process.refunds;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.retailhub.contracts.Money;
import io.retailhub.contracts.OrderId;
import io.retailhub.contracts.events.HubRefundId;
import io.retailhub.contracts.events.RefundFailed;
import io.retailhub.contracts.events.RefundRequested;
import io.retailhub.contracts.events.ReturnId;
import io.retailhub.process.platform.outbox.Outbox;
import io.retailhub.process.platform.steps.WorkflowSteps;
import io.retailhub.process.workflows.ReturnWorkflow;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The public face of refunds. A refund is started by an inspected return, in the transaction that
 * inspects it; from there its own steps send it to the payment provider and post the credit memo
 * ({@link ReturnWorkflow#SUBMIT_REFUND}, {@link ReturnWorkflow#POST_CREDIT_MEMO}), as part of the
 * return's workflow.
 */
@Service
public class RefundManagement {

	private final RefundRepository refunds;

	private final Outbox outbox;

	private final WorkflowSteps steps;

	private final ApplicationEventPublisher events;

	private final RefundMetrics metrics;

	private final Clock clock;

	RefundManagement(RefundRepository refunds, Outbox outbox, WorkflowSteps steps, ApplicationEventPublisher events,
			RefundMetrics metrics, Clock clock) {
		this.refunds = refunds;
		this.outbox = outbox;
		this.steps = steps;
		this.events = events;
		this.metrics = metrics;
		this.clock = clock;
	}

	/**
	 * A refund could not be made by itself, or its paperwork failed: the return it belongs to needs
	 * a person. Published in the transaction that records it.
	 */
	public record RefundNeedsAttention(UUID returnId, UUID refundId, String reason) {
	}

	/**
	 * Creates the refund with its idempotency key and schedules its submission, in the caller's
	 * transaction. A return has at most one refund: starting it again returns the first.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public RefundView start(StartRefund start) {
		Optional<Refund> existing = refunds.findByReturnId(start.returnId());
		if (existing.isPresent()) {
			return RefundView.of(existing.get());
		}
		Instant now = clock.instant();
		List<RefundLine> lines = start.lines()
			.stream()
			.map(l -> new RefundLine(l.lineNumber(), l.quantity(), l.amount().amount()))
			.toList();
		Refund refund = Refund.intend(start.returnId(), start.orderId(), start.returnNumber(), start.rmaNumber(),
				start.amount(), lines, now);
		refunds.saveAndFlush(refund);
		steps.schedule(start.returnId(), ReturnWorkflow.TYPE, ReturnWorkflow.SUBMIT_REFUND, now);
		outbox.append(new RefundRequested(HubRefundId.of(refund.id()), ReturnId.of(start.returnId()), start.orderId(),
				refund.amount(), now));
		steps.recordTimeline(start.returnId(), "refund.requested",
				"Refund " + refund.id() + " of " + refund.amount() + " decided; idempotency key " + refund.idempotencyKey());
		return RefundView.of(refund);
	}

	/**
	 * What the hub has decided to refund on an order that the payment provider may not show yet:
	 * every hub refund of the order whose reference is not among the provider's refunds. Used under
	 * the order's lock, so that all returns of an order together never refund more than was paid.
	 * @param atProvider the references of the refunds the provider reported for the order
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Money notYetAtProvider(OrderId orderId, Set<String> atProvider, Money zero) {
		Money total = zero;
		for (Refund refund : refunds.findByOrderId(orderId.value())) {
			if (!atProvider.contains(refund.reference())) {
				total = total.plus(refund.amount());
			}
		}
		return total;
	}

	@Transactional(readOnly = true)
	public Optional<RefundView> find(UUID id) {
		return refunds.findById(id).map(RefundView::of);
	}

	@Transactional(readOnly = true)
	public Optional<RefundView> findByReturn(UUID returnId) {
		return refunds.findByReturnId(returnId).map(RefundView::of);
	}

	/** One page of an order's refunds, newest first. */
	@Transactional(readOnly = true)
	public List<RefundView> findByOrder(OrderId orderId, Pageable page) {
		List<UUID> ids = refunds.findIdsByOrderId(orderId.value(), page);
		Map<UUID, Refund> byId = refunds.findByIdIn(ids)
			.stream()
			.collect(Collectors.toMap(Refund::id, Function.identity()));
		return ids.stream().map(byId::get).filter(r -> r != null).map(RefundView::of).toList();
	}

	/** The return's case is closed: the refund is complete. */
	@Transactional(propagation = Propagation.MANDATORY)
	public Optional<RefundView> complete(UUID returnId) {
		return refunds.findByReturnId(returnId).map(refund -> {
			refund.complete(clock.instant());
			return RefundView.of(refund);
		});
	}

	/** Records that a person must refund by hand; see {@link RefundNeedsAttention}. */
	void requireManualRefund(Refund refund, String reason, int attempts) {
		Instant now = clock.instant();
		refund.requireManualRefund(reason, now);
		refunds.save(refund);
		outbox.append(new RefundFailed(HubRefundId.of(refund.id()), ReturnId.of(refund.returnId()), refund.orderId(),
				refund.amount(), refund.providerRefundId().orElse(null), reason, Math.max(1, attempts), now));
		steps.recordTimeline(refund.returnId(), "refund.manual-refund-required",
				"Refund " + refund.id() + " needs a person: " + reason);
		metrics.manualRefundRequired();
		events.publishEvent(new RefundNeedsAttention(refund.returnId(), refund.id(), reason));
	}
}
