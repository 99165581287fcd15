package io.retailhub.process.refunds;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.retailhub.contracts.CreditMemoId;
import io.retailhub.contracts.Money;
import io.retailhub.contracts.OrderId;
import io.retailhub.contracts.RefundId;
import io.retailhub.contracts.ReturnAuthorizationId;
import io.retailhub.process.platform.persistence.NewUntilStored;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;


/**
 * Money going back to a customer for a return. The idempotency key is fixed when the refund is
 * created, in the same transaction, before anything reaches the payment provider: every
 * submission, whatever crashed in between, carries the same key, and the provider pays once.
 * <p>
 * The ID is assigned here: {@link Persistable} tells the repository that a refund just intended is
 * new, so saving it is a plain insert instead of a merge that first looks it up.
 */
@Entity
@Table(name = "refund")
class Refund extends NewUntilStored {

	@Id
	private UUID id;

	private UUID returnId;

	private String orderId;

	private String returnNumber;

	private String rmaNumber;

	private BigDecimal amount;

	private String currency;

	private String idempotencyKey;

	@Enumerated(EnumType.STRING)
	private RefundStatus status;

	private String providerRefundId;

	private String creditMemoId;

	private String failureReason;

	private int submissions;

	private Instant createdAt;

	private Instant updatedAt;

	private Instant completedAt;

	@Version
	private long version;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "refund_line", joinColumns = @JoinColumn(name = "refund_id"))
	@OrderColumn(name = "position")
	private List<RefundLine> lines = new ArrayList<>();


	protected Refund() {
	}

	static Refund intend(UUID returnId, OrderId orderId, String returnNumber, ReturnAuthorizationId rma, Money amount,
			List<RefundLine> lines, Instant now) {
		if (!amount.isPositive()) {
			throw new IllegalArgumentException("a refund must be for a positive amount");
		}
		Refund refund = new Refund();
		refund.id = UUID.randomUUID();
		refund.markNew();
		refund.returnId = returnId;
		refund.orderId = orderId.value();
		refund.returnNumber = returnNumber;
		refund.rmaNumber = rma == null ? null : rma.value();
		refund.amount = amount.amount();
		refund.currency = amount.currency().getCurrencyCode();
		refund.idempotencyKey = "refund-" + refund.id;
		refund.status = RefundStatus.INTENT_CREATED;
		refund.createdAt = now;
		refund.updatedAt = now;
		refund.lines.addAll(lines);
		return refund;
	}

	/** Counted each time a submission is about to be sent, to show how often the provider was asked. */
	void submitting(Instant now) {
		requireAwaitingProvider("submit");
		this.submissions++;
		this.status = RefundStatus.SUBMITTED;
		this.updatedAt = now;
	}

	/** The provider is unavailable: parked until it is back. Nothing was paid. */
	void queue(String reason, Instant now) {
		requireAwaitingProvider("queue");
		this.status = RefundStatus.QUEUED;
		this.failureReason = reason;
		this.updatedAt = now;
	}

	/** The submission got no answer: it may or may not have paid. The next attempt asks first. */
	void markUnknown(String reason, Instant now) {
		requireAwaitingProvider("mark unknown");
		this.status = RefundStatus.UNKNOWN;
		this.failureReason = reason;
		this.updatedAt = now;
	}

	/** The provider holds the refund: by this submission's answer or found by reference after a lost one. */
	void succeeded(RefundId providerRefund, Instant now) {
		if (status == RefundStatus.SUCCEEDED && providerRefund.value().equals(providerRefundId)) {
			return;
		}
		requireAwaitingProvider("record success");
		this.providerRefundId = providerRefund.value();
		this.status = RefundStatus.SUCCEEDED;
		this.failureReason = null;
		this.updatedAt = now;
	}

	void creditMemoPosted(CreditMemoId memo, Instant now) {
		if (status != RefundStatus.SUCCEEDED) {
			throw new IllegalStateException("refund " + id + " is " + status + ": no credit memo before the money went back");
		}
		this.creditMemoId = memo.value();
		this.status = RefundStatus.CREDIT_MEMO_POSTED;
		this.updatedAt = now;
	}

	void complete(Instant now) {
		if (status == RefundStatus.COMPLETED) {
			return;
		}
		if (status != RefundStatus.CREDIT_MEMO_POSTED) {
			throw new IllegalStateException("refund " + id + " is " + status + " and cannot complete");
		}
		this.status = RefundStatus.COMPLETED;
		this.completedAt = now;
		this.updatedAt = now;
	}

	/**
	 * The refund cannot be made automatically (refused, or retries ran out): it failed, and a person
	 * must refund by hand.
	 */
	void requireManualRefund(String reason, Instant now) {
		if (!status.awaitsProvider()) {
			throw new IllegalStateException("refund " + id + " is " + status + ": the provider already has it");
		}
		this.failureReason = reason;
		this.status = RefundStatus.MANUAL_REFUND_REQUIRED;
		this.updatedAt = now;
	}

	private void requireAwaitingProvider(String action) {
		if (!status.awaitsProvider()) {
			throw new IllegalStateException("cannot " + action + " refund " + id + ": it is " + status);
		}
	}

	UUID id() {
		return id;
	}

	@Override
	public UUID getId() {
		return id;
	}


	/** The hub's reference for the refund at the provider: how it is found again after a lost answer. */
	String reference() {
		return id.toString();
	}

	UUID returnId() {
		return returnId;
	}

	OrderId orderId() {
		return OrderId.of(orderId);
	}

	String returnNumber() {
		return returnNumber;
	}

	Optional<ReturnAuthorizationId> rmaNumber() {
		return Optional.ofNullable(rmaNumber).map(ReturnAuthorizationId::of);
	}

	Money amount() {
		return new Money(amount, Currency.getInstance(currency));
	}

	String idempotencyKey() {
		return idempotencyKey;
	}

	RefundStatus status() {
		return status;
	}

	Optional<RefundId> providerRefundId() {
		return Optional.ofNullable(providerRefundId).map(RefundId::of);
	}

	Optional<CreditMemoId> creditMemoId() {
		return Optional.ofNullable(creditMemoId).map(CreditMemoId::of);
	}

	String failureReason() {
		return failureReason;
	}

	int submissions() {
		return submissions;
	}

	Instant createdAt() {
		return createdAt;
	}

	Instant updatedAt() {
		return updatedAt;
	}

	Instant completedAt() {
		return completedAt;
	}

	List<RefundLine> lines() {
		return Collections.unmodifiableList(lines);
	}
}
