package io.retailhub.process.returns;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.retailhub.contracts.ActingUser;
import io.retailhub.contracts.CaseId;
import io.retailhub.contracts.CustomerId;
import io.retailhub.contracts.Money;
import io.retailhub.contracts.OrderId;
import io.retailhub.contracts.ReturnAuthorizationId;
import io.retailhub.contracts.Sku;
import io.retailhub.contracts.events.ReturnChannel;
import io.retailhub.contracts.events.ReturnId;
import io.retailhub.process.platform.persistence.NewUntilStored;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;


/**
 * A customer's return of some lines of one order, from request to refund. Every change goes
 * through an intention-revealing method that refuses what the current status does not allow;
 * optimistic locking ({@link #version}) makes two concurrent changes of one return fail instead
 * of overwriting each other.
 * <p>
 * The ID is assigned here, not by the database: {@link Persistable} tells the repository that a
 * return just requested is new, so saving it is a plain insert instead of a merge that first
 * looks the return up.
 */
@Entity
@Table(name = "return_case")
class ReturnCase extends NewUntilStored {

	/** Statuses in which the warehouse's receipt is expected. */
	private static final Set<ReturnStatus> AWAITING_PARCEL = EnumSet.of(ReturnStatus.AUTHORIZED,
			ReturnStatus.PARTIALLY_RECEIVED);

	@Id
	private UUID id;

	private String returnNumber;

	private String requestKey;

	private String requestDigest;

	private String orderId;

	private String customerId;

	@Enumerated(EnumType.STRING)
	private ReturnChannel channel;

	@Enumerated(EnumType.STRING)
	private ReturnStatus status;

	@Enumerated(EnumType.STRING)
	private ReturnStatus actionFromStatus;

	private String actionReason;

	private boolean announced;

	private boolean evaluated;

	private boolean eligible;

	private String rmaNumber;

	private String caseId;

	private String currency;

	private BigDecimal returnShippingFee;

	@Column(name = "refund_amount")
	private BigDecimal refundAmount;

	private Instant expiresAt;

	private Instant requestedAt;

	private Instant updatedAt;

	private Instant closedAt;

	private String requestedBy;

	private String canceledBy;

	private String resumedBy;

	private String storeId;

	private String parcelCarrier;

	private String parcelTrackingCode;

	private Instant parcelShippedAt;

	private String parcelRecordedBy;

	/** The first receipt of anything of the parcel. */
	private Instant receivedAt;

	/** When it last came to need a person; cleared when resumed. */
	private Instant actionRequiredAt;

	/** When its CRM case was opened. */
	private Instant caseOpenedAt;

	@Version
	private long version;

	/*
	 * An indexed list (the line's own position column, written by ReturnLine), not a bag: a return
	 * then loads with its lines and declines joined in one statement, and no line is repeated once
	 * per decline.
	 */
	@OneToMany(cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
	@JoinColumn(name = "return_id", nullable = false, updatable = false)
	@OrderColumn(name = "position", insertable = false, updatable = false)
	private List<ReturnLine> lines = new ArrayList<>();

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "return_decline", joinColumns = @JoinColumn(name = "return_id"))
	@OrderColumn(name = "position")
	private List<ReturnDecline> declines = new ArrayList<>();


	protected ReturnCase() {
	}

	/**
	 * A new return, as asked. {@code customerId} is null when the order could not be looked up
	 * yet (the system API was down); evaluation fills it in.
	 */
	static ReturnCase request(String returnNumber, String requestKey, String requestDigest, OrderId orderId,
			CustomerId customerId, ReturnChannel channel, List<RequestedLine> requested, Instant now) {
		return request(returnNumber, requestKey, requestDigest, orderId, customerId, channel, requested, null, now);
	}

	/** A new return, as asked by {@code requestedBy} (null when the channel named nobody). */
	static ReturnCase request(String returnNumber, String requestKey, String requestDigest, OrderId orderId,
			CustomerId customerId, ReturnChannel channel, List<RequestedLine> requested, ActingUser requestedBy,
			Instant now) {
		if (requested.isEmpty()) {
			throw new IllegalArgumentException("a return needs at least one line");
		}
		long distinct = requested.stream().map(RequestedLine::lineNumber).distinct().count();
		if (distinct != requested.size()) {
			throw new IllegalArgumentException("each order line may appear once in a return");
		}
		ReturnCase created = new ReturnCase();
		created.id = UUID.randomUUID();
		created.markNew();
		created.returnNumber = returnNumber;
		created.requestKey = requestKey;
		created.requestDigest = requestDigest;
		created.orderId = orderId.value();
		created.customerId = customerId == null ? null : customerId.value();
		created.channel = channel;
		created.requestedBy = requestedBy == null ? null : requestedBy.toString();
		if (requested.stream().anyMatch(l -> l.atStore() != null)
				&& (channel != ReturnChannel.STORE || requested.stream().anyMatch(l -> l.atStore() == null))) {
			throw new IllegalArgumentException("only an in-store return records the staff's inspection, for every line");
		}
		created.status = ReturnStatus.REQUESTED;
		created.requestedAt = now;
		created.updatedAt = now;
		for (int i = 0; i < requested.size(); i++) {
			created.lines.add(new ReturnLine(i, requested.get(i)));
		}
		return created;
	}

	/**
	 * Learns the customer and each line's SKU from the order.
	 * @return false when a requested line is not part of the order
	 */
	boolean identify(CustomerId customer, Map<String, Sku> skusByLine) {
		identifyCustomer(customer);
		boolean all = true;
		for (ReturnLine line : lines) {
			Sku sku = skusByLine.get(line.lineNumber());
			if (sku == null) {
				all = false;
			}
			else {
				line.identify(sku);
			}
		}
		return all;
	}

	/** Whether return-requested was published; it needs the order's customer and SKUs. */
	boolean announced() {
		return announced;
	}

	void markAnnounced() {
		this.announced = true;
	}

	/** True while the return waits for its eligibility to be judged. */
	boolean awaitsEvaluation() {
		return status == ReturnStatus.REQUESTED && !evaluated;
	}

	/** The customer, learned from the order when the request came in while the order could not be looked up. */
	void identifyCustomer(CustomerId customer) {
		if (this.customerId == null) {
			this.customerId = customer.value();
		}
		else if (!this.customerId.equals(customer.value())) {
			throw new IllegalStateException("return " + id + " already belongs to customer " + this.customerId);
		}
	}

	/**
	 * Records the judgement. Every line eligible: the return goes on to its RMA. Any line not:
	 * the return is declined, with every line's reason for the customer.
	 * @return true when eligible
	 */
	boolean judge(List<LineVerdict> verdicts, Money returnShippingFee, Instant now) {
		requireStatus("judge", ReturnStatus.REQUESTED);
		if (evaluated) {
			throw new IllegalStateException("return " + id + " is already judged");
		}
		Map<String, LineVerdict> byLine = verdicts.stream()
			.collect(Collectors.toMap(LineVerdict::lineNumber, Function.identity()));
		for (ReturnLine line : lines) {
			LineVerdict verdict = byLine.get(line.lineNumber());
			if (verdict == null) {
				throw new IllegalArgumentException("no verdict for line " + line.lineNumber());
			}
			line.judge(verdict);
		}
		this.evaluated = true;
		this.currency = returnShippingFee.currency().getCurrencyCode();
		// a parcel handed over at a store was never shipped back: no return shipping fee
		this.returnShippingFee = storeId != null ? Money.zero(returnShippingFee.currency()).amount()
				: returnShippingFee.amount();
		this.eligible = verdicts.stream().allMatch(LineVerdict::eligible);
		if (!eligible) {
			verdicts.stream()
				.filter(v -> !v.eligible())
				.forEach(v -> declines.add(new ReturnDecline(v.lineNumber(), v.declineReason().name(), v.message())));
			moveTo(ReturnStatus.DECLINED, now);
			this.closedAt = now;
		}
		else {
			this.updatedAt = now;
		}
		return eligible;
	}

	/** The order does not exist: nothing can be returned, and nothing was created anywhere. */
	void declineUnknownOrder(Instant now) {
		requireStatus("decline", ReturnStatus.REQUESTED);
		this.evaluated = true;
		this.eligible = false;
		declines.add(new ReturnDecline(null, ReturnDecline.ORDER_NOT_FOUND, ReturnDecline.ORDER_NOT_FOUND_MESSAGE));
		moveTo(ReturnStatus.DECLINED, now);
		this.closedAt = now;
	}

	/** Whether an RMA should be created: judged eligible and not canceled meanwhile. */
	boolean needsRma() {
		return status == ReturnStatus.REQUESTED && evaluated && eligible && rmaNumber == null;
	}

	/**
	 * ERP holds the customer return now: the customer may ship. The RMA is recorded even if the
	 * return was canceled while ERP created it, so that ops can find it.
	 * @return true when the return became AUTHORIZED
	 */
	boolean authorize(ReturnAuthorizationId rma, Instant expiresAt, Instant now) {
		if (rmaNumber != null && !rmaNumber.equals(rma.value())) {
			throw new IllegalStateException("return " + id + " already has RMA " + rmaNumber);
		}
		this.rmaNumber = rma.value();
		this.updatedAt = now;
		if (status != ReturnStatus.REQUESTED) {
			return false;
		}
		if (!eligible) {
			throw new IllegalStateException("return " + id + " is not eligible");
		}
		this.expiresAt = expiresAt;
		moveTo(ReturnStatus.AUTHORIZED, now);
		return true;
	}

	void caseOpened(CaseId caseId, Instant now) {
		this.caseId = caseId.value();
		if (this.caseOpenedAt == null) {
			this.caseOpenedAt = now;
		}
		this.updatedAt = now;
	}

	boolean awaitsParcel() {
		return AWAITING_PARCEL.contains(status);
	}

	/**
	 * The warehouse's count of what arrived (cumulative: it replaces the previous count). Every
	 * requested unit received makes the return RECEIVED, anything less PARTIALLY_RECEIVED.
	 * @param counts receipt lines by order line number
	 */
	ReturnStatus recordReceipt(Map<String, ReceiptCount> counts, Instant now) {
		if (!awaitsParcel()) {
			throw new IllegalStateException("return " + id + " is " + status + " and takes no receipt");
		}
		for (ReturnLine line : lines) {
			ReceiptCount count = counts.get(line.lineNumber());
			if (count != null) {
				line.receive(count.expected(), count.received(), count.damaged(), count.rejected());
			}
		}
		boolean complete = lines.stream().allMatch(ReturnLine::fullyReceived);
		moveTo(complete ? ReturnStatus.RECEIVED : ReturnStatus.PARTIALLY_RECEIVED, now);
		if (this.receivedAt == null && receivedAnything()) {
			this.receivedAt = now;
		}
		return status;
	}

	boolean receivedAnything() {
		return lines.stream().anyMatch(l -> l.quantityReceived() > 0);
	}

	/** Inspection can run once something arrived, until it ran. */
	boolean awaitsInspection() {
		return (status == ReturnStatus.RECEIVED || status == ReturnStatus.PARTIALLY_RECEIVED) && receivedAnything();
	}

	/** The inputs of the refund arithmetic, one per line. */
	List<RefundAmounts.Input> refundInputs() {
		Currency currency = currency();
		return lines.stream()
			.map(l -> new RefundAmounts.Input(l.lineNumber(), l.refundableAmount(currency), l.quantity(), l.accepted()))
			.toList();
	}

	/** Records dispositions, accepted quantities and the refund; the return is INSPECTED. */
	void inspect(RefundAmounts.Result result, Instant now) {
		if (!awaitsInspection()) {
			throw new IllegalStateException("return " + id + " is " + status + " and cannot be inspected");
		}
		Map<String, RefundAmounts.LineAmount> byLine = result.lines()
			.stream()
			.collect(Collectors.toMap(RefundAmounts.LineAmount::lineNumber, Function.identity()));
		for (ReturnLine line : lines) {
			line.inspect(byLine.get(line.lineNumber()).amount());
		}
		this.refundAmount = result.total().amount();
		moveTo(ReturnStatus.INSPECTED, now);
	}

	void startRefunding(Instant now) {
		requireStatus("refund", ReturnStatus.INSPECTED);
		moveTo(ReturnStatus.REFUNDING, now);
	}

	/** Whether the case can be closed and the return with it: refunded, or nothing to refund. */
	boolean awaitsClosing() {
		return status == ReturnStatus.REFUNDING || status == ReturnStatus.INSPECTED;
	}

	void close(Instant now) {
		if (!awaitsClosing()) {
			throw new IllegalStateException("return " + id + " is " + status + " and cannot be closed");
		}
		moveTo(ReturnStatus.CLOSED, now);
		this.closedAt = now;
	}

	/**
	 * The durable timer fired: an authorized return with nothing received expires; anything else
	 * (received meanwhile, canceled, already expired) makes the timer a no-op.
	 * @return true when the return expired now
	 */
	boolean expire(Instant now) {
		// a parcel handed to the carrier before the window ended is honoured when it arrives
		if (status != ReturnStatus.AUTHORIZED || receivedAnything() || parcelShippedAt != null) {
			return false;
		}
		if (expiresAt != null && now.isBefore(expiresAt)) {
			return false;
		}
		moveTo(ReturnStatus.EXPIRED, now);
		this.closedAt = now;
		return true;
	}

	/** Canceling is possible until the parcel is on its way back (or the warehouse received something). */
	boolean cancelable() {
		return status == ReturnStatus.REQUESTED
				|| (status == ReturnStatus.AUTHORIZED && !receivedAnything() && parcelShippedAt == null);
	}

	/** A parcel can be recorded once there is an RMA, until the warehouse receives something. */
	boolean acceptsParcel() {
		return status == ReturnStatus.AUTHORIZED && !receivedAnything();
	}

	/**
	 * The parcel was handed to a carrier. The same tracking code again changes nothing; another
	 * one corrects it (the first shipping time stays).
	 * @return whether anything changed
	 */
	boolean recordParcel(String carrier, String trackingCode, ActingUser by, Instant now) {
		if (!acceptsParcel()) {
			throw new IllegalStateException("return " + id + " is " + status + " and takes no parcel");
		}
		if (carrier.equals(parcelCarrier) && trackingCode.equals(parcelTrackingCode)) {
			return false;
		}
		this.parcelCarrier = carrier;
		this.parcelTrackingCode = trackingCode;
		this.parcelRecordedBy = by == null ? null : by.toString();
		if (this.parcelShippedAt == null) {
			// as PostgreSQL keeps it, so the first answer shows what every later read shows
			this.parcelShippedAt = now.truncatedTo(ChronoUnit.MICROS);
		}
		this.updatedAt = now;
		return true;
	}

	/** The parcel on its way back, once recorded. */
	Optional<Parcel> parcel() {
		return parcelTrackingCode == null ? Optional.empty()
				: Optional.of(new Parcel(parcelCarrier, parcelTrackingCode, parcelShippedAt,
						parcelRecordedBy == null ? null : ActingUser.of(parcelRecordedBy)));
	}

	/** A return parcel handed to a carrier: who carries it, its tracking code, since when, who said so. */
	record Parcel(String carrier, String trackingCode, Instant shippedAt, ActingUser recordedBy) {
	}

	void cancel(Instant now) {
		cancel(null, now);
	}

	/** Cancels, recording who did ({@code by} null when the channel named nobody). */
	void cancel(ActingUser by, Instant now) {
		if (!cancelable()) {
			throw new IllegalStateException("return " + id + " is " + status + " and can no longer be canceled");
		}
		this.canceledBy = by == null ? null : by.toString();
		moveTo(ReturnStatus.CANCELED, now);
		this.closedAt = now;
	}

	/** A person must decide; where the return was is kept so they can send it back. */
	void requireAction(String reason, Instant now) {
		if (status == ReturnStatus.REQUIRES_ACTION) {
			this.actionReason = reason;
			this.updatedAt = now;
			return;
		}
		this.actionFromStatus = status;
		this.actionReason = reason;
		this.closedAt = null;
		this.actionRequiredAt = now;
		moveTo(ReturnStatus.REQUIRES_ACTION, now);
	}

	/** The person decided: back to where the return was when it needed them. */
	ReturnStatus resume(Instant now) {
		return resume(null, now);
	}

	/** As {@link #resume(Instant)}, recording who decided (the last one, when resumed more than once). */
	ReturnStatus resume(ActingUser by, Instant now) {
		requireStatus("resume", ReturnStatus.REQUIRES_ACTION);
		this.resumedBy = by == null ? null : by.toString();
		ReturnStatus back = actionFromStatus;
		this.actionFromStatus = null;
		this.actionReason = null;
		this.actionRequiredAt = null;
		moveTo(back, now);
		if (back.isFinal()) {
			this.closedAt = now;
		}
		return back;
	}

	private void requireStatus(String action, ReturnStatus expected) {
		if (status != expected) {
			throw new IllegalStateException("cannot " + action + " return " + id + ": it is " + status);
		}
	}

	private void moveTo(ReturnStatus next, Instant now) {
		this.status = next;
		this.updatedAt = now;
	}

	UUID id() {
		return id;
	}

	@Override
	public UUID getId() {
		return id;
	}


	ReturnId returnId() {
		return ReturnId.of(id);
	}

	/** When anything of its parcel was first received; empty before (and for returns from before V9). */
	Optional<Instant> receivedAt() {
		return Optional.ofNullable(receivedAt);
	}

	/** Since when it needs a person; empty unless it does. */
	Optional<Instant> actionRequiredAt() {
		return Optional.ofNullable(actionRequiredAt);
	}

	/** When its CRM case was opened; empty before. */
	Optional<Instant> caseOpenedAt() {
		return Optional.ofNullable(caseOpenedAt);
	}

	String returnNumber() {
		return returnNumber;
	}

	/** The CRM case's external ID: the upsert key that makes opening the case repeat-safe. */
	String caseExternalId() {
		return "return-" + returnNumber;
	}

	String requestKey() {
		return requestKey;
	}

	String requestDigest() {
		return requestDigest;
	}

	OrderId orderId() {
		return OrderId.of(orderId);
	}

	Optional<CustomerId> customerId() {
		return Optional.ofNullable(customerId).map(CustomerId::of);
	}

	ReturnChannel channel() {
		return channel;
	}

	ReturnStatus status() {
		return status;
	}

	ReturnStatus actionFromStatus() {
		return actionFromStatus;
	}

	String actionReason() {
		return actionReason;
	}

	boolean evaluated() {
		return evaluated;
	}

	boolean eligible() {
		return eligible;
	}

	Optional<ReturnAuthorizationId> rmaNumber() {
		return Optional.ofNullable(rmaNumber).map(ReturnAuthorizationId::of);
	}

	Optional<CaseId> caseId() {
		return Optional.ofNullable(caseId).map(CaseId::of);
	}

	/** The order's currency, known once the return is judged. */
	Currency currency() {
		return currency == null ? null : Currency.getInstance(currency);
	}

	Money returnShippingFee() {
		return returnShippingFee == null ? null : new Money(returnShippingFee, currency());
	}

	Money refundAmount() {
		return refundAmount == null ? null : new Money(refundAmount, currency());
	}

	/** What the policy said the requested quantities would refund, before any receipt. */
	Money estimatedRefund() {
		Currency currency = currency();
		Money total = Money.zero(currency);
		for (ReturnLine line : lines) {
			Money refundable = line.refundableAmount(currency);
			if (refundable != null) {
				total = total.plus(refundable);
			}
		}
		Money afterFee = total.minus(returnShippingFee());
		return afterFee.isNegative() ? Money.zero(currency) : afterFee;
	}

	Instant expiresAt() {
		return expiresAt;
	}

	/** The store that took the return at its counter; empty unless it is an in-store return. */
	Optional<String> storeId() {
		return Optional.ofNullable(storeId);
	}

	/** Handed over at a store: received there at once, inspected as the staff recorded. */
	boolean atStore() {
		return storeId != null;
	}

	/** Only a request that came in at a store names it, when the return is created. */
	void takenAtStore(String storeId) {
		if (channel != ReturnChannel.STORE || lines.stream().anyMatch(l -> l.atStore().isEmpty())) {
			throw new IllegalStateException("return " + id + " did not come in at a store with every line inspected");
		}
		this.storeId = storeId;
	}

	Optional<ActingUser> requestedBy() {
		return Optional.ofNullable(requestedBy).map(ActingUser::of);
	}

	Optional<ActingUser> canceledBy() {
		return Optional.ofNullable(canceledBy).map(ActingUser::of);
	}

	Optional<ActingUser> resumedBy() {
		return Optional.ofNullable(resumedBy).map(ActingUser::of);
	}

	Instant requestedAt() {
		return requestedAt;
	}

	Instant updatedAt() {
		return updatedAt;
	}

	Instant closedAt() {
		return closedAt;
	}

	List<ReturnLine> lines() {
		return Collections.unmodifiableList(lines);
	}

	List<ReturnDecline> declines() {
		return Collections.unmodifiableList(declines);
	}

	/** The requested quantities by order line. */
	Map<String, Integer> quantities() {
		return lines.stream().collect(Collectors.toMap(ReturnLine::lineNumber, ReturnLine::quantity));
	}

	/** What the warehouse counted for one order line. */
	record ReceiptCount(int expected, int received, int damaged, int rejected) {
	}
}
