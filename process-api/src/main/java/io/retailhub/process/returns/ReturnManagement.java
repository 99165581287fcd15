package io.retailhub.process.returns;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import io.retailhub.contracts.ActingUser;
import io.retailhub.contracts.CustomerId;
import io.retailhub.contracts.Location;
import io.retailhub.contracts.Order;
import io.retailhub.contracts.OrderId;
import io.retailhub.contracts.OrderLine;
import io.retailhub.contracts.ReturnAuthorization;
import io.retailhub.contracts.ReturnAuthorizationId;
import io.retailhub.contracts.Sku;
import io.retailhub.contracts.events.DomainEvent;
import io.retailhub.contracts.events.ReturnReceived;
import io.retailhub.contracts.problems.FieldError;
import io.retailhub.contracts.problems.ProblemProperties;
import io.retailhub.contracts.problems.ProblemType;
import io.retailhub.process.platform.inbox.Inbox;
import io.retailhub.process.platform.outbox.Outbox;
import io.retailhub.process.platform.steps.WorkflowSteps;
import io.retailhub.process.refunds.RefundManagement;
import io.retailhub.process.systemapi.SystemApiClient;
import io.retailhub.process.systemapi.SystemApiException;
import io.retailhub.web.ProblemException;
import io.retailhub.process.workflows.ReturnWorkflow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Pageable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The public face of returns: request, look up, cancel, and the warehouse's receipts. The rest of
 * the way (judging, RMA, case, expiry, inspection) runs as durable steps of the return's
 * workflow, see {@link ReturnWorkflow}.
 */
@Service
public class ReturnManagement {

	private static final Logger log = LoggerFactory.getLogger(ReturnManagement.class);

	private static final int CONCURRENT_CHANGE_ATTEMPTS = 3;

	/** The inbox's consumer name for warehouse receipts, whoever brings them (the Kafka listener, the sweep). */
	static final String RECEIPTS_CONSUMER = "returns.warehouse-receipts";

	private final ReturnCaseRepository returns;

	private final EarlyReceiptRepository earlyReceipts;

	private final ReturnLocks locks;

	private final Inbox inbox;

	private final SystemApiClient systemApi;

	private final Outbox outbox;

	private final WorkflowSteps steps;

	private final TransactionTemplate transactions;

	private final JdbcTemplate jdbc;

	private final JsonMapper json;

	private final ReturnSettings settings;

	private final Clock clock;

	private final ReturnMetrics metrics;

	ReturnManagement(ReturnCaseRepository returns, EarlyReceiptRepository earlyReceipts, ReturnLocks locks,
			Inbox inbox, SystemApiClient systemApi, Outbox outbox, WorkflowSteps steps,
			PlatformTransactionManager transactionManager, JdbcTemplate jdbc, JsonMapper json, ReturnSettings settings,
			ReturnMetrics metrics, Clock clock) {
		this.metrics = metrics;
		this.returns = returns;
		this.earlyReceipts = earlyReceipts;
		this.locks = locks;
		this.inbox = inbox;
		this.systemApi = systemApi;
		this.outbox = outbox;
		this.steps = steps;
		this.transactions = new TransactionTemplate(transactionManager);
		this.jdbc = jdbc;
		this.json = json;
		this.settings = settings;
		this.clock = clock;
	}

	/** What a request led to: the return, and whether this request created it or repeated an earlier one. */
	public record Requested(ReturnView view, boolean created) {
	}

	/**
	 * Records a return request and starts its workflow. The order is looked up first so that a
	 * mistyped order number is answered at once (404) and lines that are not part of the order are
	 * bad input (400); if the system API cannot answer, the request is accepted and the evaluation
	 * step looks again.
	 * @throws ProblemException 404 for an unknown order, 400 for lines not in the order, 409 for a
	 * reused key with another request
	 */
	public Requested request(ReturnRequest request) {
		String digest = digest(request);
		Optional<ReturnCase> existing = returns.findByRequestKey(request.requestKey());
		if (existing.isPresent()) {
			return repeated(existing.get(), digest);
		}
		Optional<Order> order = lookUp(request.orderId());
		order.ifPresent(o -> requireLinesOf(o, request.lines()));
		if (request.atStore()) {
			requireStore(request.storeId());
		}
		try {
			ReturnView created = transactions.execute(tx -> {
				Instant now = clock.instant();
				ReturnCase ret = ReturnCase.request(nextReturnNumber(), request.requestKey(), digest, request.orderId(),
						null, request.channel(), request.lines(), request.requestedBy(), now);
				if (request.atStore()) {
					ret.takenAtStore(request.storeId());
				}
				order.ifPresent(o -> {
					ret.identify(o.customerId(), skus(o));
					ret.markAnnounced();
				});
				returns.saveAndFlush(ret);
				steps.schedule(ret.id(), ReturnWorkflow.TYPE, ReturnWorkflow.EVALUATE, now);
				if (ret.announced()) {
					publish(ReturnEvents.requested(ret, now));
				}
				steps.recordTimeline(ret.id(), "return.requested",
						"Return " + ret.returnNumber() + " of order " + ret.orderId() + " requested via " + ret.channel()
								+ (request.atStore() ? " at " + request.storeId() : "") + by(request.requestedBy())
								+ ", " + ret.lines().size() + " line(s)",
						actor(request.requestedBy()));
				return ReturnView.of(ret);
			});
			return new Requested(created, true);
		}
		catch (DataIntegrityViolationException ex) {
			// the same key arrived twice at once: the other request won, answer as it did
			ReturnCase winner = returns.findByRequestKey(request.requestKey()).orElseThrow(() -> ex);
			return repeated(winner, digest);
		}
	}

	private Requested repeated(ReturnCase existing, String digest) {
		if (!existing.requestDigest().equals(digest)) {
			throw new ProblemException(ProblemType.IDEMPOTENCY_KEY_REUSED,
					"This Idempotency-Key was already used for a different return request.");
		}
		return new Requested(ReturnView.of(existing), false);
	}

	/**
	 * The order if the system API knows it; empty when the system API cannot answer now.
	 * @throws ProblemException 404 when the order does not exist
	 */
	private Optional<Order> lookUp(OrderId orderId) {
		try {
			// header and lines only: a request is accepted whatever the warehouse or payment provider do
			Optional<Order> order = systemApi.findOrderLines(orderId);
			if (order.isEmpty()) {
				throw ProblemException.notFound("No order " + orderId + ".");
			}
			return order;
		}
		catch (SystemApiException ex) {
			log.warn("Order {} could not be looked up, accepting the return and judging it later: {}", orderId,
					ex.getMessage());
			return Optional.empty();
		}
	}

	/**
	 * An in-store return is taken at one of the warehouse system's stores, checked before anything
	 * is stored: the parcel is booked there at once.
	 * @throws ProblemException 422 {@code not-a-store} for any other location, 503 while the system
	 * API cannot say
	 */
	private void requireStore(String storeId) {
		List<Location> stores;
		try {
			stores = systemApi.findStores();
		}
		catch (SystemApiException ex) {
			throw new ProblemException(ProblemType.BACKEND_UNAVAILABLE,
					"The store " + storeId + " cannot be checked right now; try again shortly.");
		}
		if (stores.stream().noneMatch(s -> s.id().equals(storeId))) {
			throw new ProblemException(ProblemType.NOT_A_STORE,
					"Location " + storeId + " is not one of the warehouse's stores.", Map.of(ProblemProperties.ERRORS,
							List.of(new FieldError("storeId", "must be a store location of the warehouse"))));
		}
	}

	private static void requireLinesOf(Order order, List<RequestedLine> lines) {
		Map<String, Sku> skus = skus(order);
		List<FieldError> errors = new ArrayList<>();
		for (int i = 0; i < lines.size(); i++) {
			if (!skus.containsKey(lines.get(i).lineNumber())) {
				errors.add(new FieldError("lines[" + i + "].lineNumber",
						"line " + lines.get(i).lineNumber() + " is not part of order " + order.id()));
			}
		}
		if (!errors.isEmpty()) {
			throw new ProblemException(ProblemType.INVALID_REQUEST,
					"The request names order lines that are not part of the order.",
					Map.of(ProblemProperties.ERRORS, errors));
		}
	}

	static Map<String, Sku> skus(Order order) {
		return order.lines().stream().collect(Collectors.toMap(OrderLine::lineNumber, OrderLine::sku, (a, b) -> a));
	}

	private String nextReturnNumber() {
		Long next = jdbc.queryForObject("select nextval('return_number_seq')", Long.class);
		return String.format("%s%08d", settings.numberPrefix(), next);
	}

	/** A digest of what the request asks for, to tell a repeat from a different request under the same key. */
	static String digest(ReturnRequest request) {
		StringBuilder canonical = new StringBuilder()
			.append(request.orderId().value())
			.append('|')
			.append(request.channel());
		request.lines()
			.stream()
			.sorted(Comparator.comparing(RequestedLine::lineNumber))
			.forEach(l -> canonical.append('|')
				.append(l.lineNumber())
				.append(':')
				.append(l.quantity())
				.append(':')
				.append(l.reason())
				.append(l.atStore() == null ? "" : ":" + l.atStore().condition() + ":" + l.atStore().disposition()));
		if (request.atStore()) {
			// only in-store requests add this, so the digests of every other request stay as they were
			canonical.append("|store:").append(request.storeId());
		}
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256")
				.digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(hash);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JDK", ex);
		}
	}

	@Transactional(readOnly = true)
	public Optional<ReturnView> find(UUID id) {
		return returns.findById(id).map(ReturnView::of);
	}

	/**
	 * One page of an order's returns, newest first.
	 * @param page which page ({@code PageRequest.of(n, size)}); ask one more than shown to learn whether more follow
	 */
	@Transactional(readOnly = true)
	public List<ReturnView> findByOrder(OrderId orderId, Pageable page) {
		return load(returns.findIdsByOrderId(orderId.value(), page));
	}

	/** One page of a customer's returns, newest first. */
	@Transactional(readOnly = true)
	public List<ReturnView> findByCustomer(CustomerId customerId, Pageable page) {
		return load(returns.findIdsByCustomerId(customerId.value(), page));
	}

	private List<ReturnView> load(List<UUID> ids) {
		Map<UUID, ReturnCase> byId = returns.findByIdIn(ids)
			.stream()
			.collect(Collectors.toMap(ReturnCase::id, r -> r));
		return ids.stream().map(byId::get).filter(r -> r != null).map(ReturnView::of).toList();
	}

	/**
	 * Cancels a return the warehouse has not received anything for. Canceling twice is harmless.
	 * @throws ProblemException 404 for an unknown return, 409 once something was received
	 */
	public ReturnView cancel(UUID id, String reason) {
		return cancel(id, reason, null);
	}

	/**
	 * As {@link #cancel(UUID, String)}, recording who canceled ({@code by} null when the channel named
	 * nobody). An agent's cancellation is noted on the return's CRM case by name.
	 */
	public ReturnView cancel(UUID id, String reason, ActingUser by) {
		return onAFreshCopy(() -> cancelNow(id, reason, by), "being canceled");
	}

	/**
	 * A person's change of a return, in a transaction of its own: a step may change the return at
	 * the same moment (its case opening, say), so a lost optimistic lock, or a deadlock PostgreSQL
	 * broke by aborting this transaction (the step took the event sequence's row first, this one
	 * the return's), is tried again on a fresh copy; 409 when it keeps losing.
	 */
	private ReturnView onAFreshCopy(Supplier<ReturnView> change, String what) {
		for (int attempt = 1;; attempt++) {
			try {
				return transactions.execute(tx -> change.get());
			}
			catch (ConcurrencyFailureException ex) {
				if (attempt == CONCURRENT_CHANGE_ATTEMPTS) {
					throw ProblemException.conflict("The return changed while it was " + what + "; please try again.");
				}
			}
		}
	}

	private ReturnView cancelNow(UUID id, String reason, ActingUser by) {
		ReturnCase ret = returns.findById(id).orElseThrow(() -> ProblemException.notFound("No return " + id + "."));
		if (ret.status() == ReturnStatus.CANCELED) {
			return ReturnView.of(ret);
		}
		if (!ret.cancelable()) {
			throw ProblemException.conflict("Return " + ret.returnNumber() + " is " + ret.status()
					+ " and can no longer be canceled: the warehouse has received it or it is finished.");
		}
		Instant now = clock.instant();
		ret.cancel(by, now);
		returns.saveAndFlush(ret);
		steps.cancel(ret.id(), ReturnWorkflow.EXPIRE);
		if (ret.rmaNumber().isPresent()) {
			// follow-up work: the RMA is canceled in ERP (an RMA still being created is CreateRmaStep's)
			steps.schedule(ret.id(), ReturnWorkflow.TYPE, ReturnWorkflow.CANCEL_RMA, now);
		}
		if (ret.announced()) {
			publish(ReturnEvents.canceled(ret, reason, now));
		}
		steps.recordTimeline(ret.id(), "return.canceled",
				"Canceled via " + ret.channel() + by(by) + (reason == null ? "" : ": " + reason), actor(by));
		if (by != null && by.isAgent() && ret.rmaNumber().isPresent()) {
			// the case exists or is being opened (an RMA always gets one): the agent's action goes on it
			steps.schedule(ret.id(), ReturnWorkflow.TYPE, ReturnWorkflow.NOTE_CANCELED, now);
		}
		return ReturnView.of(ret);
	}

	/**
	 * The authorized return's parcel was handed to a carrier: the return is on its way back, can no
	 * longer be canceled and does not expire. The same tracking code again changes nothing; another
	 * corrects it (and is published again).
	 * @throws ProblemException 404 for an unknown return, 409 before the RMA exists or once the
	 * warehouse received something or the return ended
	 */
	public ReturnView recordParcel(UUID id, String carrier, String trackingCode, ActingUser by) {
		return onAFreshCopy(() -> recordParcelNow(id, carrier, trackingCode, by), "recording its parcel");
	}

	private ReturnView recordParcelNow(UUID id, String carrier, String trackingCode, ActingUser by) {
		ReturnCase ret = returns.findById(id).orElseThrow(() -> ProblemException.notFound("No return " + id + "."));
		if (!ret.acceptsParcel()) {
			throw ProblemException.conflict("Return " + ret.returnNumber() + " is " + ret.status()
					+ " and takes no parcel: a parcel is recorded once the return is authorized, until the warehouse"
					+ " receives it.");
		}
		Instant now = clock.instant();
		if (!ret.recordParcel(carrier, trackingCode, by, now)) {
			return ReturnView.of(ret);
		}
		returns.saveAndFlush(ret);
		publish(ReturnEvents.shipped(ret, now));
		steps.recordTimeline(ret.id(), "return.shipped",
				"Parcel handed to " + carrier + ", tracking " + trackingCode + by(by), actor(by));
		return ReturnView.of(ret);
	}

	/**
	 * A person decided about a return that required action: it goes back to where it was.
	 * @throws ProblemException 404 for an unknown return, 409 unless it requires action
	 */
	public ReturnView resume(UUID id) {
		return resume(id, null);
	}

	/** As {@link #resume(UUID)}, recording who decided ({@code by} null when the channel named nobody). */
	public ReturnView resume(UUID id, ActingUser by) {
		return onAFreshCopy(() -> {
			ReturnCase ret = returns.findById(id).orElseThrow(() -> ProblemException.notFound("No return " + id + "."));
			if (ret.status() != ReturnStatus.REQUIRES_ACTION) {
				throw ProblemException.conflict("Return " + ret.returnNumber() + " is " + ret.status()
						+ ", not waiting for a person.");
			}
			Optional<Instant> neededSince = ret.actionRequiredAt();
			Instant now = clock.instant();
			ReturnStatus back = ret.resume(by, now);
			returns.saveAndFlush(ret);
			metrics.exceptionResolved(neededSince, now);
			steps.recordTimeline(ret.id(), "return.resumed",
					"Sent back to " + back + (by == null ? " by a person" : by(by)), actor(by));
			return ReturnView.of(ret);
		}, "being sent back");
	}

	/** What became of a warehouse receipt. */
	public enum ReceiptOutcome {

		/** Recorded on its return. */
		APPLIED,
		/** Kept until its return is authorized. */
		KEPT_FOR_LATER,
		/** The return was already past receiving; nothing changed. */
		IGNORED,
		/** The return could not take it (expired, canceled, declined): a person must look. */
		REQUIRES_ACTION,
		/** This event was processed before; nothing changed. */
		DUPLICATE,
		/** A later receipt of the same RMA was applied already; nothing changed. */
		STALE

	}

	/**
	 * Takes in a warehouse receipt in its own transaction, with the inbox: the event applied once
	 * (a redelivery is a {@link ReceiptOutcome#DUPLICATE}), and never after a later receipt of the
	 * same RMA ({@link ReceiptOutcome#STALE}). A concurrent change of the same return (a step
	 * completing at the same moment) is met by running the transaction again on fresh state.
	 * @param subject the event's {@code ce_subject}, which scopes {@code sequence}
	 * @param sequence its place among the RMA's receipts; null when the sender gave none
	 */
	public ReceiptOutcome receive(ReturnReceived receipt, String eventId, String subject, Long sequence) {
		for (int attempt = 1;; attempt++) {
			try {
				return transactions.execute(tx -> receiveNow(receipt, eventId, subject, sequence));
			}
			catch (ConcurrencyFailureException ex) {
				if (attempt == CONCURRENT_CHANGE_ATTEMPTS) {
					throw ex;
				}
				log.debug("Receipt {} for RMA {} met a concurrent change of its return; applying it again",
						receipt.receiptId(), receipt.rmaNumber());
			}
		}
	}

	/** {@link #receive} inside the caller's transaction. */
	@Transactional(propagation = Propagation.MANDATORY)
	ReceiptOutcome receiveNow(ReturnReceived receipt, String eventId, String subject, Long sequence) {
		if (!inbox.firstDelivery(RECEIPTS_CONSUMER, eventId)) {
			return ReceiptOutcome.DUPLICATE;
		}
		if (sequence != null && !inbox.isCurrent(RECEIPTS_CONSUMER, subject, sequence)) {
			return ReceiptOutcome.STALE;
		}
		return recordReceipt(receipt, eventId, sequence == null ? 0 : sequence);
	}

	/**
	 * Records the warehouse's receipt for an RMA, in the caller's transaction (which holds the
	 * event's inbox row). A receipt that overtook its return is kept and applied when the return's
	 * RMA is recorded. The RMA's lock ({@link ReturnLocks#rma}) is taken first, so this and the
	 * transaction recording the RMA cannot miss each other.
	 * @param eventId the event's ID, kept with an early receipt
	 * @param sequence its per-RMA sequence
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public ReceiptOutcome recordReceipt(ReturnReceived receipt, String eventId, long sequence) {
		locks.rma(receipt.rmaNumber());
		Instant now = clock.instant();
		Optional<ReturnCase> found = returns.findByRmaNumber(receipt.rmaNumber().value());
		if (found.isEmpty()) {
			keepEarly(receipt, eventId, sequence, now);
			return ReceiptOutcome.KEPT_FOR_LATER;
		}
		return decide(found.get(), receipt, now);
	}

	/** What a receipt means for a return that carries its RMA. */
	private ReceiptOutcome decide(ReturnCase ret, ReturnReceived receipt, Instant now) {
		if (ret.awaitsParcel()) {
			applyReceipt(ret, receipt, now);
			return ReceiptOutcome.APPLIED;
		}
		ReturnStatus status = ret.status();
		if (status == ReturnStatus.EXPIRED || status == ReturnStatus.CANCELED || status == ReturnStatus.DECLINED) {
			ret.requireAction("The warehouse received a parcel (receipt " + receipt.receiptId() + ") for a return that is "
					+ ret.status(), now);
			steps.recordTimeline(ret.id(), "return.requires-action",
					"Parcel received for a " + ret.actionFromStatus() + " return; a person must decide");
			return ReceiptOutcome.REQUIRES_ACTION;
		}
		steps.recordTimeline(ret.id(), "return.receipt-ignored",
				"Receipt " + receipt.receiptId() + " arrived after the return was " + ret.status() + "; ignored");
		return ReceiptOutcome.IGNORED;
	}

	private void keepEarly(ReturnReceived receipt, String eventId, long sequence, Instant now) {
		String payload = json.writeValueAsString(receipt);
		String rma = receipt.rmaNumber().value();
		earlyReceipts.findById(rma)
			.ifPresentOrElse(kept -> kept.replaceWith(eventId, sequence, payload, now),
					() -> earlyReceipts.save(new EarlyReceipt(rma, eventId, sequence, payload, now)));
		log.info("Receipt {} for RMA {} arrived before its return was authorized; kept", receipt.receiptId(), rma);
	}

	/**
	 * ERP created the return's RMA: the return is AUTHORIZED (the customer may ship), its CRM case
	 * is to be opened and its expiry timer runs; a receipt that overtook it is applied. A return
	 * canceled while its RMA was being created keeps the RMA's number and gets
	 * {@code return.cancel-rma}, so the RMA is canceled in ERP too. Runs in the transaction that
	 * completes {@code return.create-rma}, under the RMA's lock.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	void authorized(UUID id, ReturnAuthorizationId rma) {
		locks.rma(rma);
		ReturnCase ret = returns.findById(id).orElseThrow();
		Instant now = clock.instant();
		Instant expiresAt = now.plus(settings.expiry());
		if (ret.authorize(rma, expiresAt, now)) {
			steps.schedule(id, ReturnWorkflow.TYPE, ReturnWorkflow.OPEN_CASE, now);
			if (ret.atStore()) {
				// the parcel is at the store already: booked now, and no expiry (a warehouse outage must not
				// expire a return the customer has handed over)
				steps.schedule(id, ReturnWorkflow.TYPE, ReturnWorkflow.RECEIVE_AT_STORE, now);
			}
			else {
				steps.schedule(id, ReturnWorkflow.TYPE, ReturnWorkflow.EXPIRE, expiresAt);
			}
			publish(ReturnEvents.authorized(ret, now));
			steps.recordTimeline(id, "return.authorized", "RMA " + rma + " created in ERP; ship by " + expiresAt);
		}
		else {
			steps.recordTimeline(id, "return.rma-created",
					"RMA " + rma + " created in ERP for a return that is " + ret.status());
			if (ret.status() == ReturnStatus.CANCELED) {
				scheduleRmaCancel(ret, "The return was canceled while its RMA was being created; RMA " + rma
						+ " is canceled in ERP");
			}
		}
		applyKeptReceipt(ret, now);
	}

	/** Schedules {@code return.cancel-rma} (once per return: scheduling it again is a no-op). */
	void scheduleRmaCancel(ReturnCase ret, String why) {
		steps.schedule(ret.id(), ReturnWorkflow.TYPE, ReturnWorkflow.CANCEL_RMA, clock.instant());
		steps.recordTimeline(ret.id(), "return.rma-cancel-scheduled", why);
	}

	/**
	 * ERP canceled the RMA of a canceled or expired return. An RMA the return did not know yet (the
	 * cancel overtook its creation) is recorded now, so that people and a late receipt find it, and a
	 * receipt kept for it is decided now (a parcel for a canceled return needs a person). Runs in the
	 * transaction that completes {@code return.cancel-rma}, under the RMA's lock.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	void rmaCanceled(UUID id, ReturnAuthorization rma) {
		locks.rma(rma.id());
		returns.findById(id).ifPresent(ret -> {
			Instant now = clock.instant();
			if (ret.rmaNumber().isEmpty()) {
				ret.authorize(rma.id(), null, now);
			}
			steps.recordTimeline(id, "return.rma-canceled",
					"RMA " + rma.id() + " canceled in ERP (items rejected, " + rma.status() + ")");
			applyKeptReceipt(ret, now);
		});
	}

	/**
	 * Decides the receipt kept for the return's RMA, if any, now that the return carries the RMA.
	 * Called under the RMA's lock, with the return loaded in the caller's transaction.
	 * @return what became of the kept receipt; empty when none was kept
	 */
	private Optional<ReceiptOutcome> applyKeptReceipt(ReturnCase ret, Instant now) {
		Optional<EarlyReceipt> kept = ret.rmaNumber().flatMap(rma -> earlyReceipts.findById(rma.value()));
		if (kept.isEmpty()) {
			return Optional.empty();
		}
		ReturnReceived receipt = json.readValue(kept.get().payload(), ReturnReceived.class);
		steps.recordTimeline(ret.id(), "return.receipt-was-kept", "Receipt " + receipt.receiptId()
				+ " had arrived before the hub recorded RMA " + receipt.rmaNumber() + "; taken in now");
		ReceiptOutcome outcome = decide(ret, receipt, now);
		earlyReceipts.delete(kept.get());
		log.info("Kept receipt {} for RMA {} applied to return {}: {}", receipt.receiptId(), receipt.rmaNumber(),
				ret.returnNumber(), outcome);
		return Optional.of(outcome);
	}

	/**
	 * The repair behind the sweep: a receipt still kept although a return carries its RMA (the
	 * transaction that recorded the RMA did not see it) is decided now, under the RMA's lock.
	 * @return what became of it, with the return's number; empty when there was nothing to repair
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	Optional<KeptReceiptRepair> repairKeptReceipt(ReturnAuthorizationId rma) {
		locks.rma(rma);
		return returns.findByRmaNumber(rma.value())
			.flatMap(ret -> applyKeptReceipt(ret, clock.instant())
				.map(outcome -> new KeptReceiptRepair(ret.returnNumber(), outcome)));
	}

	/** A kept receipt the sweep applied: to which return, with what outcome. */
	record KeptReceiptRepair(String returnNumber, ReceiptOutcome outcome) {
	}

	private void applyReceipt(ReturnCase ret, ReturnReceived receipt, Instant now) {
		Map<String, ReturnCase.ReceiptCount> counts = receipt.lines()
			.stream()
			.collect(Collectors.toMap(ReturnReceived.Line::lineNumber,
					l -> new ReturnCase.ReceiptCount(l.quantityExpected(), l.quantityReceived(), l.quantityDamaged(),
							l.quantityRejected()),
					(a, b) -> new ReturnCase.ReceiptCount(a.expected() + b.expected(), a.received() + b.received(),
							a.damaged() + b.damaged(), a.rejected() + b.rejected())));
		// ret was loaded in the caller's transaction: the flush writes the change, no save (merge) needed
		ReturnStatus status = ret.recordReceipt(counts, now);
		steps.cancel(ret.id(), ReturnWorkflow.EXPIRE);
		if (ret.receivedAnything()) {
			if (status == ReturnStatus.RECEIVED) {
				// everything is here: inspect now, and drop the wait for the rest
				steps.schedule(ret.id(), ReturnWorkflow.TYPE, ReturnWorkflow.INSPECT, now);
				steps.cancel(ret.id(), ReturnWorkflow.INSPECT_PARTIAL);
			}
			else {
				steps.schedule(ret.id(), ReturnWorkflow.TYPE, ReturnWorkflow.INSPECT_PARTIAL,
						now.plus(settings.partialReceiptGrace()));
			}
		}
		steps.recordTimeline(ret.id(), "return.received",
				"Receipt " + receipt.receiptId() + ": " + ret.lines()
					.stream()
					.map(l -> l.lineNumber() + " " + l.quantityReceived() + "/" + l.quantity() + " received"
							+ (l.quantityDamaged() > 0 ? ", " + l.quantityDamaged() + " damaged" : "")
							+ (l.quantityRejected() > 0 ? ", " + l.quantityRejected() + " rejected" : ""))
					.collect(Collectors.joining("; "))
						+ " -> " + status);
	}

	/** A refund could not be made automatically: the return waits for a person. */
	@EventListener
	void on(RefundManagement.RefundNeedsAttention event) {
		returns.findById(event.returnId()).ifPresent(ret -> {
			ret.requireAction("Refund " + event.refundId() + " needs a person: " + event.reason(),
					clock.instant());
			returns.save(ret);
		});
	}

	/** " by agent agent.ava", or nothing when nobody was named. */
	static String by(ActingUser actor) {
		return actor == null ? "" : " by " + actor.role() + " " + actor.subject();
	}

	private static String actor(ActingUser actor) {
		return actor == null ? null : actor.toString();
	}

	private void publish(DomainEvent event) {
		outbox.append(event);
	}
}
