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
import java.util.stream.Collectors;

import io.retailhub.contracts.CustomerId;
import io.retailhub.contracts.Order;
import io.retailhub.contracts.OrderId;
import io.retailhub.contracts.OrderLine;
import io.retailhub.contracts.Sku;
import io.retailhub.contracts.events.DomainEvent;
import io.retailhub.contracts.events.ReturnReceived;
import io.retailhub.contracts.problems.FieldError;
import io.retailhub.contracts.problems.ProblemProperties;
import io.retailhub.contracts.problems.ProblemType;
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
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
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

	private final ReturnCaseRepository returns;

	private final EarlyReceiptRepository earlyReceipts;

	private final SystemApiClient systemApi;

	private final Outbox outbox;

	private final WorkflowSteps steps;

	private final TransactionTemplate transactions;

	private final JdbcTemplate jdbc;

	private final JsonMapper json;

	private final ReturnSettings settings;

	private final Clock clock;

	ReturnManagement(ReturnCaseRepository returns, EarlyReceiptRepository earlyReceipts, SystemApiClient systemApi,
			Outbox outbox, WorkflowSteps steps, PlatformTransactionManager transactionManager, JdbcTemplate jdbc,
			JsonMapper json, ReturnSettings settings, Clock clock) {
		this.returns = returns;
		this.earlyReceipts = earlyReceipts;
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
		try {
			ReturnView created = transactions.execute(tx -> {
				Instant now = clock.instant();
				ReturnCase ret = ReturnCase.request(nextReturnNumber(), request.requestKey(), digest, request.orderId(),
						null, request.channel(), request.lines(), now);
				order.ifPresent(o -> {
					ret.identify(o.customerId(), skus(o));
					ret.markAnnounced();
				});
				returns.saveAndFlush(ret);
				steps.schedule(ret.id(), ReturnWorkflow.TYPE, ReturnWorkflow.EVALUATE, now);
				if (ret.announced()) {
					publish(ReturnEvents.requested(ret, now));
				}
				steps.recordTimeline(ret.id(), "return.requested", "Return " + ret.returnNumber() + " of order "
						+ ret.orderId() + " requested via " + ret.channel() + ", " + ret.lines().size() + " line(s)");
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
				.append(l.reason()));
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

	@Transactional(readOnly = true)
	public List<ReturnView> findByOrder(OrderId orderId) {
		return returns.findByOrderIdOrderByRequestedAtDesc(orderId.value()).stream().map(ReturnView::of).toList();
	}

	@Transactional(readOnly = true)
	public List<ReturnView> findByCustomer(CustomerId customerId) {
		return returns.findByCustomerIdOrderByRequestedAtDesc(customerId.value())
			.stream()
			.map(ReturnView::of)
			.toList();
	}

	/**
	 * Cancels a return the warehouse has not received anything for. Canceling twice is harmless.
	 * @throws ProblemException 404 for an unknown return, 409 once something was received
	 */
	public ReturnView cancel(UUID id, String reason) {
		// a step may change the return at the same moment (its case opening, say): try again on a fresh copy
		for (int attempt = 1;; attempt++) {
			try {
				return transactions.execute(tx -> cancelNow(id, reason));
			}
			catch (OptimisticLockingFailureException ex) {
				if (attempt == CONCURRENT_CHANGE_ATTEMPTS) {
					throw ProblemException.conflict("The return changed while it was being canceled; please try again.");
				}
			}
		}
	}

	private ReturnView cancelNow(UUID id, String reason) {
		ReturnCase ret = returns.findById(id).orElseThrow(() -> ProblemException.notFound("No return " + id + "."));
		if (ret.status() == ReturnStatus.CANCELED) {
			return ReturnView.of(ret);
		}
		if (!ret.cancelable()) {
			throw ProblemException.conflict("Return " + ret.returnNumber() + " is " + ret.status()
					+ " and can no longer be canceled: the warehouse has received it or it is finished.");
		}
		Instant now = clock.instant();
		ret.cancel(now);
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
				"Canceled via " + ret.channel() + (reason == null ? "" : ": " + reason));
		return ReturnView.of(ret);
	}

	/**
	 * A person decided about a return that required action: it goes back to where it was.
	 * @throws ProblemException 404 for an unknown return, 409 unless it requires action
	 */
	public ReturnView resume(UUID id) {
		return transactions.execute(tx -> {
			ReturnCase ret = returns.findById(id).orElseThrow(() -> ProblemException.notFound("No return " + id + "."));
			if (ret.status() != ReturnStatus.REQUIRES_ACTION) {
				throw ProblemException.conflict("Return " + ret.returnNumber() + " is " + ret.status()
						+ ", not waiting for a person.");
			}
			ReturnStatus back = ret.resume(clock.instant());
			returns.saveAndFlush(ret);
			steps.recordTimeline(ret.id(), "return.resumed", "Sent back to " + back + " by a person");
			return ReturnView.of(ret);
		});
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
		REQUIRES_ACTION

	}

	/**
	 * Records the warehouse's receipt for an RMA. Runs in the consumer's transaction, with its
	 * inbox row: the receipt is applied exactly once. A receipt that overtook its return is kept
	 * and applied when the return is authorized.
	 * @param eventId the event's ID, kept with an early receipt
	 * @param sequence its per-RMA sequence
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public ReceiptOutcome recordReceipt(ReturnReceived receipt, String eventId, long sequence) {
		Instant now = clock.instant();
		Optional<ReturnCase> found = returns.findByRmaNumber(receipt.rmaNumber().value());
		if (found.isEmpty() || found.get().status() == ReturnStatus.REQUESTED) {
			keepEarly(receipt, eventId, sequence, now);
			found.ifPresent(ret -> steps.recordTimeline(ret.id(), "return.receipt-kept",
					"Receipt " + receipt.receiptId() + " arrived before the return was authorized; kept"));
			return ReceiptOutcome.KEPT_FOR_LATER;
		}
		ReturnCase ret = found.get();
		if (ret.awaitsParcel()) {
			applyReceipt(ret, receipt, now);
			return ReceiptOutcome.APPLIED;
		}
		if (ret.status() == ReturnStatus.EXPIRED || ret.status() == ReturnStatus.CANCELED
				|| ret.status() == ReturnStatus.DECLINED) {
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
	 * Applies the receipt that overtook the return, if any. Called in the transaction that
	 * authorizes the return, with the return loaded in it.
	 */
	void applyEarlyReceipt(ReturnCase ret, Instant now) {
		ret.rmaNumber().flatMap(rma -> earlyReceipts.findById(rma.value())).ifPresent(kept -> {
			ReturnReceived receipt = json.readValue(kept.payload(), ReturnReceived.class);
			applyReceipt(ret, receipt, now);
			earlyReceipts.delete(kept);
		});
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

	private void publish(DomainEvent event) {
		outbox.append(event);
	}
}
