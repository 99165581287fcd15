package io.retailhub.process.returns;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.retailhub.contracts.events.DomainEvent;
import io.retailhub.contracts.events.RefundFailed;
import io.retailhub.contracts.events.RefundPosted;
import io.retailhub.contracts.events.RefundQueued;
import io.retailhub.contracts.events.RefundRequested;
import io.retailhub.contracts.events.ReturnCanceled;
import io.retailhub.contracts.events.ReturnChannel;
import io.retailhub.contracts.events.ReturnClosed;
import io.retailhub.contracts.events.ReturnDeclined;
import io.retailhub.contracts.events.ReturnExpired;
import io.retailhub.contracts.events.ReturnItem;
import io.retailhub.contracts.events.ReturnRequested;
import io.retailhub.process.platform.outbox.CommittedEvents;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The business's measures of returns and refunds, for dashboards and alerts (docs/observability.md):
 * <ul>
 * <li>{@code retailhub_returns{status}}: returns per status now;</li>
 * <li>{@code retailhub_refund_cycle_seconds}: return requested to refund completed;</li>
 * <li>{@code retailhub_return_processing_seconds}: parcel first received to return closed;</li>
 * <li>{@code retailhub_exception_handling_seconds}: a return needing a person to its resumption;</li>
 * <li>{@code retailhub_case_resolution_seconds}: a return's CRM case opened to closed;</li>
 * <li>{@code retailhub_returns_requested_total{channel}}, {@code retailhub_return_units_requested_total{channel,reason}},
 * {@code retailhub_returns_completed_total{outcome}} ({@code REFUNDED}, {@code NOTHING_REFUNDED},
 * {@code DECLINED}, {@code CANCELED}, {@code EXPIRED});</li>
 * <li>{@code retailhub_refund_events_total{status}} ({@code REQUESTED}, {@code QUEUED} once per
 * parked attempt, {@code POSTED}, {@code FAILED}) and {@code retailhub_refunded_amount{currency}}
 * (a summary: count and sum of the refunds posted, in the currency's units).</li>
 * </ul>
 * The durations are histograms with buckets at the service levels a retailer promises (minutes
 * to days); every one is recorded once the transaction that reached its end committed. Tags are
 * low-cardinality: never an order, return or customer ID.
 */
@Component
class ReturnMetrics implements CommittedEvents {

	private static final Duration MAX_AGE = Duration.ofSeconds(1);

	/** Where a refund, a return's processing or a case is measured against: minutes in the sandbox, days in a store. */
	private static final Duration[] SERVICE_LEVELS = { Duration.ofSeconds(30), Duration.ofMinutes(1),
			Duration.ofMinutes(5), Duration.ofMinutes(15), Duration.ofHours(1), Duration.ofHours(4), Duration.ofDays(1),
			Duration.ofDays(2), Duration.ofDays(3), Duration.ofDays(5), Duration.ofDays(7), Duration.ofDays(14) };

	private final MeterRegistry registry;

	private final Timer refundCycle;

	private final Timer returnProcessing;

	private final Timer exceptionHandling;

	private final Timer caseResolution;

	private final ReturnCaseRepository returns;

	private volatile Map<ReturnStatus, Long> counts = new EnumMap<>(ReturnStatus.class);

	private volatile long readAt;

	ReturnMetrics(MeterRegistry registry, ReturnCaseRepository returns) {
		this.registry = registry;
		this.returns = returns;
		this.refundCycle = serviceLevelTimer("retailhub.refund.cycle", "Time from a return's request to its refund completed");
		this.returnProcessing = serviceLevelTimer("retailhub.return.processing",
				"Time from a return's parcel first received to the return closed");
		this.exceptionHandling = serviceLevelTimer("retailhub.exception.handling",
				"Time from a return needing a person to a person sending it on");
		this.caseResolution = serviceLevelTimer("retailhub.case.resolution",
				"Time from a return's service case opened to closed");
		for (ReturnStatus status : ReturnStatus.values()) {
			Gauge.builder("retailhub.returns", () -> count(status))
				.description("Returns by status")
				.tag("status", status.name())
				.register(registry);
		}
		for (ReturnChannel channel : ReturnChannel.values()) {
			requested(channel);
		}
		for (String outcome : List.of("REFUNDED", "NOTHING_REFUNDED", "DECLINED", "CANCELED", "EXPIRED")) {
			completed(outcome);
		}
		for (String status : List.of("REQUESTED", "QUEUED", "POSTED", "FAILED")) {
			refundEvents(status);
		}
	}

	private Timer serviceLevelTimer(String name, String description) {
		return Timer.builder(name)
			.description(description)
			.serviceLevelObjectives(SERVICE_LEVELS)
			.minimumExpectedValue(Duration.ofSeconds(1))
			.maximumExpectedValue(Duration.ofDays(30))
			.register(this.registry);
	}

	/**
	 * Timed once the transaction that closes the return commits: a close rolled back, or applied
	 * again after a concurrent update, is one refund cycle, not several.
	 */
	void refundCompleted(Instant requestedAt, Instant completedAt) {
		afterCommit(this.refundCycle, Duration.between(requestedAt, completedAt));
	}

	/** The return closed: its processing ran from the first receipt (returns received before V9 are not timed). */
	void returnClosed(ReturnCase closed, Instant now) {
		closed.receivedAt().ifPresent(received -> afterCommit(this.returnProcessing, Duration.between(received, now)));
	}

	/** A person sent on a return that needed one since {@code since}. */
	void exceptionResolved(Optional<Instant> since, Instant now) {
		since.ifPresent(start -> afterCommit(this.exceptionHandling, Duration.between(start, now)));
	}

	/** A return's case was closed; it was opened at {@code openedAt}. */
	void caseResolved(Optional<Instant> openedAt, Instant now) {
		openedAt.ifPresent(opened -> afterCommit(this.caseResolution, Duration.between(opened, now)));
	}

	private static void afterCommit(Timer timer, Duration duration) {
		if (duration.isNegative()) {
			return;
		}
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					timer.record(duration);
				}
			});
		}
		else {
			timer.record(duration);
		}
	}

	/** The facts the outbox recorded, counted once committed. */
	@Override
	public void committed(DomainEvent event) {
		if (event instanceof ReturnRequested requested) {
			requested(requested.channel()).increment();
			for (ReturnItem item : requested.lines()) {
				Counter.builder("retailhub.return.units.requested")
					.description("Units asked to be returned, by channel and reason")
					.tag("channel", requested.channel().name())
					.tag("reason", item.reason().name())
					.register(this.registry)
					.increment(item.quantity());
			}
		}
		else if (event instanceof ReturnClosed closed) {
			completed(closed.refundedAmount() != null && closed.refundedAmount().amount().signum() > 0 ? "REFUNDED"
					: "NOTHING_REFUNDED").increment();
		}
		else if (event instanceof ReturnDeclined) {
			completed("DECLINED").increment();
		}
		else if (event instanceof ReturnCanceled) {
			completed("CANCELED").increment();
		}
		else if (event instanceof ReturnExpired) {
			completed("EXPIRED").increment();
		}
		else if (event instanceof RefundRequested) {
			refundEvents("REQUESTED").increment();
		}
		else if (event instanceof RefundQueued) {
			refundEvents("QUEUED").increment();
		}
		else if (event instanceof RefundPosted posted) {
			refundEvents("POSTED").increment();
			DistributionSummary.builder("retailhub.refunded.amount")
				.description("Refunds posted: how many and their sum, in the currency's units")
				.tag("currency", posted.amount().currency().getCurrencyCode())
				.register(this.registry)
				.record(posted.amount().amount().doubleValue());
		}
		else if (event instanceof RefundFailed) {
			refundEvents("FAILED").increment();
		}
	}

	private Counter requested(ReturnChannel channel) {
		return Counter.builder("retailhub.returns.requested")
			.description("Returns requested, by channel")
			.tag("channel", channel.name())
			.register(this.registry);
	}

	private Counter completed(String outcome) {
		return Counter.builder("retailhub.returns.completed")
			.description("Returns that ended, by outcome")
			.tag("outcome", outcome)
			.register(this.registry);
	}

	private Counter refundEvents(String status) {
		return Counter.builder("retailhub.refund.events")
			.description("Refunds requested, parked (per attempt), posted and failed")
			.tag("status", status)
			.register(this.registry);
	}

	/** Reads every status at most once a second however often the registry asks. */
	private double count(ReturnStatus status) {
		long now = System.nanoTime();
		if (readAt == 0 || now - readAt > MAX_AGE.toNanos()) {
			try {
				Map<ReturnStatus, Long> fresh = new EnumMap<>(ReturnStatus.class);
				returns.countByStatus().forEach(c -> fresh.put(c.getStatus(), c.getCount()));
				counts = fresh;
				readAt = now;
			}
			catch (RuntimeException ex) {
				// the database is unreachable: keep the last values rather than failing the scrape
			}
		}
		return counts.getOrDefault(status, 0L);
	}
}
