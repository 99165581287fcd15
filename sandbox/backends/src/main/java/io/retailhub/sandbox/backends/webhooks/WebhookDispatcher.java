package io.retailhub.sandbox.backends.webhooks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import io.retailhub.sandbox.backends.state.SandboxState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.DisposableBean;

/**
 * Pushes one backend's webhook events to its subscriber, at least once, without ever blocking the
 * request that caused the event: {@link #publish} only records the event; one background thread
 * delivers, one delivery at a time in creation order, retrying failed ones (non-2xx answer,
 * refused connection, timeout) with exponential backoff until the event is
 * {@link WebhookSettings.Retry#maxAge()} old. The body, the signature and the sender's name are
 * the backend's ({@link WebhookFormat}); each backend subclasses this as a component of its own.
 *
 * <p>Deliveries go to the subscription current at the time of each attempt, so pointing the
 * subscription elsewhere redirects what is still pending. Without a subscription, new events are
 * not recorded at all (nobody asked for them) and pending ones wait.
 *
 * <p>Chaos, as real webhook senders misbehave: a share of events is delivered twice (the copy is
 * a delivery of its own, {@code duplicate: true}, same event and body), and a share is held back
 * and delivered after the next event.
 *
 * <p>Thread-safe: the state is guarded by {@code this}; HTTP calls happen outside the lock. Every
 * change of a delivery runs as a change of the {@link SandboxState}, whose snapshot holds the
 * deliveries not finished yet: they are tried again after a restart, with the same event ID and
 * bytes.
 */
public class WebhookDispatcher implements DisposableBean {

	public static final String DELIVERED = "webhooks.delivered";

	public static final String FAILED = "webhooks.failed";

	public static final String DUPLICATED = "webhooks.duplicated";

	public static final String REORDERED = "webhooks.reordered";

	/** Delivered and failed deliveries kept for the log beyond this many are forgotten, oldest first. */
	static final int LOG_LIMIT = 10_000;

	private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);

	private static final long TICK_MILLIS = 100;

	private final Clock clock;

	private final JsonMapper json;

	private final WebhookSettings settings;

	private final WebhookFormat format;

	private final HttpClient http;

	private final ScheduledExecutorService worker;

	private final SandboxState state;

	private Subscription subscription;

	private Chaos chaos;

	/** Every delivery, in creation order, for the log. */
	private final Deque<Delivery> deliveries = new ArrayDeque<>();

	/** Deliveries waiting for their next attempt, in creation order (a held one is not among them). */
	private final List<Delivery> pending = new ArrayList<>();

	private Delivery held;

	private long delivered;

	private long failed;

	private long duplicated;

	private long reordered;

	/**
	 * @param name names the delivering thread ({@code <name>-webhooks})
	 */
	protected WebhookDispatcher(String name, WebhookFormat format, WebhookSettings settings, Clock clock,
			JsonMapper json, SandboxState state) {
		this.clock = clock;
		this.json = json;
		this.state = state;
		this.format = format;
		this.settings = settings;
		this.subscription = this.settings.url() == null || this.settings.url().isBlank() ? null
				: Subscription.of(this.settings.url(), this.settings.secret());
		WebhookSettings.Chaos configured = this.settings.chaos();
		this.chaos = new Chaos(configured.duplicateProbability(), configured.outOfOrderProbability(),
				configured.maxHold());
		this.http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(this.settings.connectTimeout())
			.build();
		this.worker = Executors.newSingleThreadScheduledExecutor(runnable -> {
			Thread thread = new Thread(runnable, name + "-webhooks");
			thread.setDaemon(true);
			return thread;
		});
		this.worker.scheduleWithFixedDelay(this::deliverDue, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
	}

	/**
	 * Records an event for delivery and returns at once; without a subscription, does nothing. The
	 * body is written here, once ({@link WebhookFormat#body}): every attempt and every duplicate
	 * sends the same bytes. Runs as a change of the {@link SandboxState}; call it inside the change
	 * that caused the event, so that a snapshot holds both or neither.
	 */
	public void publish(String type, Object data) {
		String id = "evt_" + UUID.randomUUID().toString().replace("-", "");
		state.change(() -> record(id, type, data));
		worker.execute(this::deliverDue);
	}

	private void record(String id, String type, Object data) {
		synchronized (this) {
			if (subscription == null) {
				return;
			}
			Instant now = clock.instant();
			byte[] body = json.writeValueAsBytes(format.body(id, type, now, data));
			Delivery delivery = new Delivery(new Event(id, type, now, body), false, now);
			deliveries.addLast(delivery);
			if (held == null && chance(chaos.outOfOrderProbability())) {
				delivery.hold(now.plus(chaos.maxHold()));
				held = delivery;
				reordered++;
			}
			else {
				if (held != null && held.releaseAfter == null) {
					held.releaseAfter = delivery;
				}
				pending.add(delivery);
			}
			forgetOldest();
		}
	}

	public synchronized Optional<Subscription> subscription() {
		return Optional.ofNullable(subscription);
	}

	/** Points deliveries at {@code url}; a null secret keeps the configured one. */
	public synchronized Subscription subscribe(String url, String secret) {
		subscription = Subscription.of(url, secret == null || secret.isBlank() ? settings.secret() : secret);
		worker.execute(this::deliverDue);
		return subscription;
	}

	public synchronized void unsubscribe() {
		subscription = null;
	}

	public synchronized Chaos chaos() {
		return chaos;
	}

	public synchronized Chaos chaos(Chaos chaos) {
		this.chaos = chaos;
		return chaos;
	}

	public WebhookSettings.Retry retry() {
		return settings.retry();
	}

	/** The delivery log, oldest first. */
	public synchronized List<DeliveryView> deliveries() {
		return deliveries.stream().map(Delivery::view).toList();
	}

	public synchronized Map<String, Long> counts() {
		Map<String, Long> counts = new LinkedHashMap<>();
		counts.put(DELIVERED, delivered);
		counts.put(FAILED, failed);
		counts.put(DUPLICATED, duplicated);
		counts.put(REORDERED, reordered);
		return counts;
	}

	@Override
	public void destroy() {
		worker.shutdownNow();
	}

	/** Runs on the worker thread only; never throws, or the schedule would stop. */
	private void deliverDue() {
		try {
			Delivery next;
			while (!Thread.currentThread().isInterrupted() && (next = nextDue()) != null) {
				attempt(next);
			}
		}
		catch (RuntimeException ex) {
			log.error("Webhook delivery round failed", ex);
		}
	}

	private Delivery nextDue() {
		if (heldIsDue()) {
			state.change(this::releaseHeldIfDue);
		}
		return firstDue();
	}

	private synchronized boolean heldIsDue() {
		return held != null && !held.holdUntil.isAfter(clock.instant());
	}

	private synchronized void releaseHeldIfDue() {
		if (heldIsDue()) {
			release(clock.instant());
		}
	}

	private synchronized Delivery firstDue() {
		Instant now = clock.instant();
		for (Delivery delivery : pending) {
			if (!delivery.nextAttemptAt.isAfter(now)) {
				return delivery;
			}
		}
		return null;
	}

	private void attempt(Delivery delivery) {
		Subscription target = subscription().orElse(null);
		Instant start = clock.instant();
		if (target == null) {
			state.change(() -> waitForSubscription(delivery, start));
			return;
		}
		byte[] body = delivery.event.body();
		HttpRequest request = HttpRequest.newBuilder(target.url())
			.timeout(settings.timeout())
			.header("Content-Type", "application/json")
			.header("User-Agent", format.userAgent())
			.header(format.signatureHeader(), format.signature(target.secret(), start, body))
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.build();
		Integer status = null;
		String error = null;
		try {
			status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
		}
		catch (IOException ex) {
			error = ex.getClass().getSimpleName() + (ex.getMessage() == null ? "" : ": " + ex.getMessage());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return;
		}
		Integer answered = status;
		String failure = error;
		state.change(() -> recordAttempt(delivery, answered, failure, clock.instant()));
	}

	private synchronized void waitForSubscription(Delivery delivery, Instant now) {
		if (expired(delivery, now)) {
			giveUp(delivery);
		}
		else {
			delivery.nextAttemptAt = now.plus(settings.retry().initialBackoff());
		}
	}

	private synchronized void recordAttempt(Delivery delivery, Integer status, String error, Instant now) {
		delivery.attempts++;
		delivery.lastStatus = status;
		delivery.lastError = error;
		delivery.lastAttemptAt = now;
		if (status != null && status >= 200 && status < 300) {
			delivery.state = State.DELIVERED;
			delivery.deliveredAt = now;
			delivery.nextAttemptAt = null;
			pending.remove(delivery);
			delivered++;
			if (held != null && held.releaseAfter == delivery) {
				release(now);
			}
			if (!delivery.duplicate && chance(chaos.duplicateProbability())) {
				Delivery copy = new Delivery(delivery.event, true, now);
				deliveries.addLast(copy);
				pending.add(copy);
				duplicated++;
			}
			return;
		}
		if (expired(delivery, now)) {
			giveUp(delivery);
			return;
		}
		delivery.nextAttemptAt = now.plus(settings.retry().backoff(delivery.attempts));
		log.debug("Webhook {} attempt {} failed ({}); next at {}", delivery.event.id(), delivery.attempts,
				status != null ? status : error, delivery.nextAttemptAt);
	}

	/**
	 * The deliveries not finished yet (pending or held), oldest first: what a restart must still
	 * deliver.
	 */
	public synchronized List<SavedDelivery> unfinished() {
		return deliveries.stream()
			.filter(d -> !d.finished())
			.map(d -> new SavedDelivery(d.event.id(), d.event.type(), d.event.createdAt(), d.event.body(), d.duplicate,
					d.attempts, d.lastStatus, d.lastError, d.lastAttemptAt))
			.toList();
	}

	/** Puts saved unfinished deliveries back, due at once (a held one is held no longer). */
	public synchronized void restore(List<SavedDelivery> saved) {
		Instant now = clock.instant();
		for (SavedDelivery s : saved) {
			Delivery delivery = new Delivery(new Event(s.id(), s.type(), s.createdAt(), s.body()), s.duplicate(), now);
			delivery.attempts = s.attempts();
			delivery.lastStatus = s.lastStatus();
			delivery.lastError = s.lastError();
			delivery.lastAttemptAt = s.lastAttemptAt();
			deliveries.addLast(delivery);
			pending.add(delivery);
		}
		forgetOldest();
		worker.execute(this::deliverDue);
	}

	private boolean expired(Delivery delivery, Instant now) {
		return !now.isBefore(delivery.event.createdAt().plus(settings.retry().maxAge()));
	}

	private void giveUp(Delivery delivery) {
		delivery.state = State.FAILED;
		delivery.nextAttemptAt = null;
		pending.remove(delivery);
		failed++;
		log.warn("Webhook {} given up after {} attempts (last: {})", delivery.event.id(), delivery.attempts,
				delivery.lastStatus != null ? delivery.lastStatus : delivery.lastError);
	}

	private void release(Instant now) {
		held.state = State.PENDING;
		held.nextAttemptAt = now;
		held.holdUntil = null;
		pending.add(held);
		held = null;
	}

	private void forgetOldest() {
		Iterator<Delivery> oldest = deliveries.iterator();
		while (deliveries.size() > LOG_LIMIT && oldest.hasNext()) {
			if (oldest.next().finished()) {
				oldest.remove();
			}
		}
	}

	private static boolean chance(double probability) {
		return probability > 0 && (probability >= 1 || ThreadLocalRandom.current().nextDouble() < probability);
	}

	/** Where events go: an absolute http(s) URL and the secret they are signed with. */
	public record Subscription(URI url, String secret) {

		static Subscription of(String url, String secret) {
			URI uri;
			try {
				uri = URI.create(url.strip());
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalArgumentException("url is not a valid URL");
			}
			if (!uri.isAbsolute() || uri.getHost() == null
					|| !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
				throw new IllegalArgumentException("url must be an absolute http or https URL");
			}
			if (secret == null || secret.isBlank()) {
				throw new IllegalArgumentException("secret must not be blank");
			}
			return new Subscription(uri, secret);
		}
	}

	/** The chaos in force; see {@link WebhookSettings.Chaos}. */
	public record Chaos(double duplicateProbability, double outOfOrderProbability, Duration maxHold) {

		public Chaos {
			if (duplicateProbability < 0 || duplicateProbability > 1 || outOfOrderProbability < 0
					|| outOfOrderProbability > 1) {
				throw new IllegalArgumentException("probabilities must be between 0 and 1");
			}
			if (maxHold == null || maxHold.isNegative()) {
				throw new IllegalArgumentException("maxHold must not be negative");
			}
		}
	}

	/** A delivery not finished yet, as a snapshot holds it. */
	public record SavedDelivery(String id, String type, Instant createdAt, byte[] body, boolean duplicate, int attempts,
			Integer lastStatus, String lastError, Instant lastAttemptAt) {
	}

	/** One event as created: the bytes every delivery of it sends. */
	record Event(String id, String type, Instant createdAt, byte[] body) {
	}

	public enum State {
		/** Waiting for its next attempt. */
		PENDING,
		/** Held back on purpose (chaos), to be delivered after the next event. */
		HELD,
		/** The subscriber answered 2xx. */
		DELIVERED,
		/** Still failing when its event reached the maximum age; never tried again. */
		FAILED
	}

	/** One line of the delivery log, as {@code GET /admin/<backend>/webhooks/deliveries} shows it. */
	public record DeliveryView(String id, String type, boolean duplicate, State state, int attempts, Integer lastStatus,
			String lastError, Instant createdAt, Instant lastAttemptAt, Instant nextAttemptAt, Instant deliveredAt) {
	}

	/** The mutable state of one delivery; guarded by the dispatcher. */
	private static final class Delivery {

		private final Event event;

		private final boolean duplicate;

		private State state = State.PENDING;

		private int attempts;

		private Integer lastStatus;

		private String lastError;

		private Instant lastAttemptAt;

		private Instant nextAttemptAt;

		private Instant deliveredAt;

		private Instant holdUntil;

		/** The delivery whose success releases this held one. */
		private Delivery releaseAfter;

		Delivery(Event event, boolean duplicate, Instant dueAt) {
			this.event = event;
			this.duplicate = duplicate;
			this.nextAttemptAt = dueAt;
		}

		void hold(Instant until) {
			state = State.HELD;
			holdUntil = until;
			nextAttemptAt = null;
		}

		boolean finished() {
			return state == State.DELIVERED || state == State.FAILED;
		}

		DeliveryView view() {
			return new DeliveryView(event.id(), event.type(), duplicate, state, attempts, lastStatus, lastError,
					event.createdAt(), lastAttemptAt, nextAttemptAt, deliveredAt);
		}
	}
}
