package io.retailhub.process.reconciliation;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.retailhub.contracts.Order;
import io.retailhub.contracts.OrderId;
import io.retailhub.contracts.ReturnAuthorization;
import io.retailhub.contracts.ReturnReceipt;
import io.retailhub.process.systemapi.SystemApiClient;
import io.retailhub.process.systemapi.SystemApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * The reconciliation report: for every order whose returns or refunds changed in the window, the
 * figures of ERP (order, customer returns, credit memo requests), the warehouse (shipments, return
 * receipts) and the payment provider (refunds), read through the system API as they are now, side
 * by side, with every mismatch listed. Runs daily ({@link ReconciliationSchedule}) and when ops ask.
 * Reads only: a run changes nothing but its own report.
 */
@Service
public class ReconciliationManagement {

	private static final Logger log = LoggerFactory.getLogger(ReconciliationManagement.class);

	static final String SCHEDULED = "SCHEDULED";

	static final String MANUAL = "MANUAL";

	private final ReconciliationStore store;

	private final SystemApiClient systemApi;

	private final ReconciliationSettings settings;

	private final Clock clock;

	private final Reconciler reconciler;

	private final ReconciliationMetrics metrics;

	ReconciliationManagement(ReconciliationStore store, SystemApiClient systemApi, ReconciliationSettings settings,
			Clock clock, ReconciliationMetrics metrics) {
		this.store = store;
		this.metrics = metrics;
		this.systemApi = systemApi;
		this.settings = settings;
		this.clock = clock;
		this.reconciler = new Reconciler(settings.receiptWithoutRefundAfter(), settings.settleTime());
	}

	/** Runs now, for ops; {@code requestedBy} is who asked ({@code ops:ops.olga}), null when unnamed. */
	public ReconciliationReport runNow(String requestedBy) {
		return run(MANUAL, requestedBy).orElseThrow();
	}

	/** The daily run: does nothing when another instance (or an earlier start) claimed today's already. */
	Optional<ReconciliationReport> runScheduled() {
		return run(SCHEDULED, null);
	}

	public Optional<ReconciliationReport> find(UUID id) {
		return this.store.find(id);
	}

	/** The latest finished report; of that UTC day when {@code date} is given. */
	public Optional<ReconciliationReport> latest(LocalDate date) {
		return this.store.latest(date);
	}

	private Optional<ReconciliationReport> run(String trigger, String requestedBy) {
		Instant to = this.clock.instant();
		Instant from = to.minus(this.settings.window());
		UUID id = UUID.randomUUID();
		if (!this.store.start(id, LocalDate.ofInstant(to, ZoneOffset.UTC), trigger, requestedBy, from, to)) {
			log.info("reconciliation of {} was run already; not again", LocalDate.ofInstant(to, ZoneOffset.UTC));
			return Optional.empty();
		}
		try {
			List<String> orderIds = this.store.ordersWithReturnActivity(from, to, this.settings.maxOrders());
			boolean truncated = orderIds.size() > this.settings.maxOrders();
			List<OrderReconciliation> orders = new ArrayList<>();
			for (String orderId : truncated ? orderIds.subList(0, this.settings.maxOrders()) : orderIds) {
				orders.add(reconcile(orderId, to));
			}
			orders.sort(Comparator.comparing((OrderReconciliation o) -> o.mismatches().isEmpty())
				.thenComparing(OrderReconciliation::orderId));
			Map<MismatchKind, Integer> byKind = new EnumMap<>(MismatchKind.class);
			for (MismatchKind kind : MismatchKind.values()) {
				byKind.put(kind, 0);
			}
			// orders per kind: an order with two lines returned beyond their shipments counts once
			orders.forEach(o -> o.mismatches()
				.stream()
				.map(OrderReconciliation.Mismatch::kind)
				.distinct()
				.forEach(kind -> byKind.merge(kind, 1, Integer::sum)));
			int mismatches = orders.stream().mapToInt(o -> o.mismatches().size()).sum();
			this.store.finish(id, orders, truncated, new LinkedHashMap<>(byKind), mismatches);
			log.info("reconciliation {} ({}): {} order(s), mismatches {}", id, trigger, orders.size(), byKind);
		}
		catch (RuntimeException ex) {
			log.error("reconciliation {} ({}) failed", id, trigger, ex);
			this.store.fail(id, "the run failed: " + ex.getClass().getSimpleName());
		}
		this.metrics.refresh();
		return this.store.find(id);
	}

	private OrderReconciliation reconcile(String orderId, Instant now) {
		OrderId id = OrderId.of(orderId);
		try {
			Optional<Order> order = this.systemApi.findOrder(id, "shipments");
			if (order.isEmpty()) {
				return Reconciler.unavailable(orderId, "ERP does not know order " + orderId + ".");
			}
			List<ReturnAuthorization> returns = this.systemApi.findReturnAuthorizations(id);
			Map<String, List<ReturnReceipt>> receipts = new LinkedHashMap<>();
			for (ReturnAuthorization rma : returns) {
				receipts.put(rma.id().value(), this.systemApi.findReturnReceipts(rma.id()));
			}
			return this.reconciler.reconcile(new Reconciler.Figures(order.get(), returns, receipts,
					this.systemApi.findRefunds(id), this.systemApi.findCreditMemos(id)), now);
		}
		catch (SystemApiException ex) {
			log.warn("reconciliation of order {}: a backend could not be read: {}", orderId, ex.getMessage());
			return Reconciler.unavailable(orderId, "A backend could not be read: " + ex.getMessage());
		}
	}

}
