package io.retailhub.experience.timeline;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Predicate;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.retailhub.contracts.problems.FieldError;
import io.retailhub.contracts.problems.ProblemProperties;
import io.retailhub.contracts.problems.ProblemType;
import io.retailhub.web.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Live timeline streams (Server-Sent Events). Every instance reads the entries committed since
 * its last read from the database, a few times a second, and pushes each to its own subscribers
 * whose order or customer it concerns; so a subscriber sees every entry, whichever instance's
 * consumer recorded it. Entries are read in commit-safe order ({@link Position}): only entries
 * below the oldest transaction still open are read, so an entry whose transaction commits late
 * is pushed late, never skipped.
 *
 * <p>Each event's {@code id:} is the entry id. A client that reconnects with
 * {@code Last-Event-ID} first gets what it missed (entries recorded after that one, up to
 * {@code max-backlog}), then the live ones. Comment lines keep idle connections open; a stream
 * ends after {@code timeout} (the client reconnects), and one instance holds at most
 * {@code max-subscribers} streams (more are refused with 503 and {@code Retry-After}).
 */
@Component
public class TimelineStreams implements SmartLifecycle {

	/** The SSE event name of a timeline entry. */
	public static final String EVENT = "timeline-entry";

	private static final Logger log = LoggerFactory.getLogger(TimelineStreams.class);

	private static final int POLL_BATCH = 500;

	private final TimelineStore store;

	private final TimelineSettings.Stream settings;

	private final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();

	private final AtomicInteger open = new AtomicInteger();

	private volatile Position position;

	private ScheduledExecutorService executor;

	TimelineStreams(TimelineStore store, TimelineSettings settings, Optional<MeterRegistry> meters) {
		this.store = store;
		this.settings = settings.stream();
		meters.ifPresent(registry -> Gauge.builder("retailhub.timeline.streams.open", this.open, AtomicInteger::get)
			.description("Timeline SSE streams open on this instance")
			.register(registry));
	}

	/** The order's entries as they are recorded, each as {@code view} shows it. */
	public SseEmitter order(String orderId, String lastEventId, Function<TimelineEntry, Object> view) {
		return subscribe(new Filter("order_id = :key", orderId, entry -> orderId.equals(entry.orderId())), lastEventId,
				view);
	}

	/** The entries of the order its customer may see. */
	public SseEmitter shopperOrder(String orderId, String lastEventId, Function<TimelineEntry, Object> view) {
		return subscribe(new Filter("order_id = :key AND shopper_visible", orderId,
				entry -> orderId.equals(entry.orderId()) && entry.shopperVisible()), lastEventId, view);
	}

	/** The customer's entries across their orders. */
	public SseEmitter customer(String customerId, String lastEventId, Function<TimelineEntry, Object> view) {
		return subscribe(new Filter("customer_id = :key", customerId, entry -> customerId.equals(entry.customerId())),
				lastEventId, view);
	}

	/** Streams open on this instance. */
	public int openStreams() {
		return this.open.get();
	}

	private SseEmitter subscribe(Filter filter, String lastEventId, Function<TimelineEntry, Object> view) {
		Long resumeAfter = parseLastEventId(lastEventId);
		if (this.open.incrementAndGet() > this.settings.maxSubscribers()) {
			this.open.decrementAndGet();
			throw new TooManyStreams();
		}
		SseEmitter emitter = new SseEmitter(this.settings.timeout().toMillis());
		Subscriber subscriber = new Subscriber(filter, emitter, view);
		emitter.onCompletion(() -> remove(subscriber));
		emitter.onTimeout(() -> remove(subscriber));
		emitter.onError(error -> remove(subscriber));
		this.subscribers.add(subscriber);
		try {
			synchronized (subscriber) {
				Position start = resumeAfter == null ? null
						: this.store.byId(resumeAfter).map(TimelineStore.Row::position).orElse(null);
				if (start == null) {
					start = currentPosition();
				}
				subscriber.sentUpTo = start;
				// what settled after the start: the missed entries on a resume; on a new stream, what the
				// poller may have read while this subscriber was joining
				List<TimelineStore.Row> backlog = this.store.settledAfter(start, filter.sql(), filter.key(),
						this.settings.maxBacklog());
				for (TimelineStore.Row row : backlog) {
					subscriber.send(row);
				}
				// at once, not at the first entry or heartbeat: the client (and any proxy) knows the stream is open
				subscriber.comment("open");
			}
		}
		catch (RuntimeException ex) {
			remove(subscriber);
			throw ex;
		}
		return emitter;
	}

	private Long parseLastEventId(String lastEventId) {
		if (lastEventId == null || lastEventId.isBlank()) {
			return null;
		}
		try {
			long id = Long.parseLong(lastEventId.strip());
			if (id >= 0) {
				return id;
			}
		}
		catch (NumberFormatException ex) {
			// answered below
		}
		throw new ProblemException(ProblemType.INVALID_REQUEST, "Last-Event-ID must be the id of a timeline entry.",
				Map.of(ProblemProperties.ERRORS,
						List.of(new FieldError("Last-Event-ID", "must be a timeline entry id (a whole number)"))));
	}

	private Position currentPosition() {
		Position current = this.position;
		return current != null ? current : this.store.settledEnd();
	}

	/** Reads what settled since the last read and pushes it; how many entries were read. */
	int poll() {
		if (this.position == null) {
			this.position = this.store.settledEnd();
		}
		List<TimelineStore.Row> rows = this.store.settledAfter(this.position, null, null, POLL_BATCH);
		for (TimelineStore.Row row : rows) {
			for (Subscriber subscriber : this.subscribers) {
				if (subscriber.filter.matches().test(row.entry())) {
					subscriber.offer(row);
				}
			}
			this.position = row.position();
		}
		return rows.size();
	}

	void heartbeat() {
		for (Subscriber subscriber : this.subscribers) {
			subscriber.heartbeat();
		}
	}

	private void remove(Subscriber subscriber) {
		if (this.subscribers.remove(subscriber)) {
			this.open.decrementAndGet();
		}
	}

	@Override
	public synchronized void start() {
		if (this.executor != null) {
			return;
		}
		this.executor = Executors.newScheduledThreadPool(1, runnable -> {
			Thread thread = new Thread(runnable, "timeline-streams");
			thread.setDaemon(true);
			return thread;
		});
		long poll = this.settings.pollInterval().toMillis();
		this.executor.scheduleWithFixedDelay(() -> {
			try {
				while (poll() == POLL_BATCH) {
					// a full batch: more have settled
				}
			}
			catch (RuntimeException ex) {
				log.warn("Timeline streams could not read new entries: {}", ex.getMessage());
			}
		}, 0, poll, TimeUnit.MILLISECONDS);
		long heartbeat = this.settings.heartbeat().toMillis();
		this.executor.scheduleAtFixedRate(this::heartbeat, heartbeat, heartbeat, TimeUnit.MILLISECONDS);
	}

	@Override
	public synchronized void stop() {
		if (this.executor != null) {
			this.executor.shutdownNow();
			this.executor = null;
		}
		for (Subscriber subscriber : this.subscribers) {
			subscriber.emitter.complete();
			remove(subscriber);
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return this.executor != null;
	}

	/** Which entries a stream carries: as SQL for its backlog, as a predicate for live entries. */
	private record Filter(String sql, String key, Predicate<TimelineEntry> matches) {
	}

	private final class Subscriber {

		private final Filter filter;

		private final SseEmitter emitter;

		private final Function<TimelineEntry, Object> view;

		/** The newest position sent; guarded by this. */
		private Position sentUpTo = Position.START;

		Subscriber(Filter filter, SseEmitter emitter, Function<TimelineEntry, Object> view) {
			this.filter = filter;
			this.emitter = emitter;
			this.view = view;
		}

		synchronized void offer(TimelineStore.Row row) {
			if (row.position().isAfter(this.sentUpTo)) {
				send(row);
			}
		}

		/** Called holding this. */
		void send(TimelineStore.Row row) {
			try {
				this.emitter.send(SseEmitter.event()
					.id(Long.toString(row.entry().id()))
					.name(EVENT)
					.data(this.view.apply(row.entry())));
				this.sentUpTo = row.position();
			}
			catch (IOException | IllegalStateException ex) {
				// the client went away: its stream ends here
				remove(this);
				this.emitter.completeWithError(ex);
			}
		}

		synchronized void heartbeat() {
			comment("heartbeat");
		}

		/** Called holding this. */
		void comment(String text) {
			try {
				this.emitter.send(SseEmitter.event().comment(text));
			}
			catch (IOException | IllegalStateException ex) {
				remove(this);
				this.emitter.completeWithError(ex);
			}
		}

	}

}
