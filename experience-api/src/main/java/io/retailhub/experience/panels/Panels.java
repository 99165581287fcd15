package io.retailhub.experience.panels;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

import io.micrometer.core.instrument.MeterRegistry;
import io.retailhub.experience.downstream.DownstreamException;
import io.retailhub.experience.panels.Panel.PanelError;
import io.retailhub.experience.panels.PanelFallback.Stale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Fetches the panels of aggregated answers in parallel on one bounded pool, each within its own
 * budget ({@link AggregationSettings}). A panel whose source fails or is too slow comes back
 * STALE when a fallback knows its data, else UNAVAILABLE; a slow call is interrupted when its
 * budget ends, so it does not hold a thread. Counts every panel by name and status in
 * {@code retailhub.experience.panels}.
 */
@Component
public class Panels implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(Panels.class);

	private final AggregationSettings settings;

	private final ThreadPoolExecutor pool;

	private final MeterRegistry meters;

	private final Clock clock = Clock.systemUTC();

	Panels(AggregationSettings settings, MeterRegistry meters) {
		this.settings = settings;
		this.meters = meters;
		AtomicInteger threads = new AtomicInteger();
		this.pool = new ThreadPoolExecutor(settings.threads(), settings.threads(), 60, TimeUnit.SECONDS,
				settings.queue() == 0 ? new SynchronousQueue<>() : new ArrayBlockingQueue<>(settings.queue()), task -> {
					Thread thread = new Thread(task, "panel-" + threads.incrementAndGet());
					thread.setDaemon(true);
					return thread;
				}, new ThreadPoolExecutor.AbortPolicy());
		this.pool.allowCoreThreadTimeOut(true);
	}

	/** A new aggregated answer: its panels' budgets count from now. */
	public Aggregation start() {
		return new Aggregation(this.clock.instant());
	}

	@Override
	public void destroy() {
		this.pool.shutdownNow();
	}

	/** The panels of one answer. */
	public final class Aggregation {

		private final Instant started;

		Aggregation(Instant started) {
			this.started = started;
		}

		/** Fetches a panel from its source, within its budget. */
		public <T> CompletableFuture<Panel<T>> panel(String name, String source, Supplier<T> call) {
			return panel(name, source, call, Optional::empty);
		}

		/** As above, STALE with the fallback's data when the source fails. */
		public <T> CompletableFuture<Panel<T>> panel(String name, String source, Supplier<T> call,
				Supplier<Optional<Stale<T>>> fallback) {
			Duration left = left(name);
			if (left.isZero()) {
				return CompletableFuture.completedFuture(degraded(name, source,
						new PanelError("TIMEOUT", "Its time budget ran out before it could be fetched."), fallback));
			}
			Map<String, String> context = MDC.getCopyOfContextMap();
			CompletableFuture<T> result = new CompletableFuture<>();
			Future<?> task;
			try {
				task = Panels.this.pool.submit(() -> {
					if (context != null) {
						MDC.setContextMap(context);
					}
					try {
						result.complete(call.get());
					}
					catch (Throwable ex) {
						result.completeExceptionally(ex);
					}
					finally {
						MDC.clear();
					}
				});
			}
			catch (RejectedExecutionException ex) {
				return CompletableFuture.completedFuture(degraded(name, source,
						new PanelError("OVERLOADED", "Too many panels are being fetched right now."), fallback));
			}
			result.orTimeout(left.toMillis(), TimeUnit.MILLISECONDS);
			return result.handle((data, failure) -> {
				if (failure == null) {
					return count(name, Panel.ok(source, data, Panels.this.clock.instant()));
				}
				Throwable cause = unwrap(failure);
				if (cause instanceof TimeoutException) {
					// the call is past its budget: free its thread (the JDK HTTP client stops on interrupt)
					task.cancel(true);
				}
				return degraded(name, source, error(cause), fallback);
			});
		}

		/**
		 * A panel that needs another panel's data first (eligibility needs the order's lines): it
		 * shares the budget, counted from the start of the answer; UNAVAILABLE (or STALE) when the
		 * panel it needs has no data.
		 */
		public <A, T> CompletableFuture<Panel<T>> panelAfter(CompletableFuture<Panel<A>> needed, String neededName,
				String name, String source, Function<A, T> call) {
			return panelFor(needed.thenApply(first -> first.hasData() ? Optional.of(first.data()) : Optional.empty()),
					neededName, name, source, call);
		}

		/**
		 * A panel fetched by a key another part of the answer gives (a profile by the customer of the
		 * order, or of the read model when the order is unavailable): it shares the budget, counted
		 * from the start of the answer; UNAVAILABLE when no key came.
		 */
		public <K, T> CompletableFuture<Panel<T>> panelFor(CompletableFuture<Optional<K>> key, String neededName,
				String name, String source, Function<K, T> call) {
			return key.thenCompose(found -> {
				if (found.isEmpty()) {
					return CompletableFuture.completedFuture(count(name, Panel.unavailable(source,
							new PanelError("DEPENDS_ON_" + neededName.toUpperCase(java.util.Locale.ROOT),
									"Needs the " + neededName + " panel, which is unavailable."))));
				}
				return panel(name, source, () -> call.apply(found.get()));
			});
		}

		/** The panel, waiting at most until the answer's total budget ends. */
		public <T> Panel<T> join(CompletableFuture<Panel<T>> panel, String name, String source) {
			Duration left = Duration.between(Panels.this.clock.instant(),
					this.started.plus(Panels.this.settings.totalBudget()));
			try {
				return panel.get(Math.max(0, left.toMillis()), TimeUnit.MILLISECONDS);
			}
			catch (TimeoutException ex) {
				return count(name, Panel.unavailable(source,
						new PanelError("TIMEOUT", "The answer's time budget ran out before this panel.")));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return Panel.unavailable(source, new PanelError("TIMEOUT", "Interrupted."));
			}
			catch (ExecutionException ex) {
				return count(name, Panel.unavailable(source, error(unwrap(ex))));
			}
		}

		private Duration left(String name) {
			Duration elapsed = Duration.between(this.started, Panels.this.clock.instant());
			Duration left = Panels.this.settings.budget(name).minus(elapsed);
			return left.isNegative() ? Duration.ZERO : left;
		}

		private <T> Panel<T> degraded(String name, String source, PanelError error,
				Supplier<Optional<Stale<T>>> fallback) {
			Optional<Stale<T>> stale;
			try {
				stale = fallback.get();
			}
			catch (RuntimeException ex) {
				log.warn("The fallback of panel {} failed", name, ex);
				stale = Optional.empty();
			}
			return count(name, stale.map(s -> Panel.stale("timeline", s.data(), s.asOf(), error))
				.orElseGet(() -> Panel.unavailable(source, error)));
		}
	}

	private <T> Panel<T> count(String name, Panel<T> panel) {
		this.meters.counter("retailhub.experience.panels", "panel", name, "status", panel.status().name()).increment();
		return panel;
	}

	private static Throwable unwrap(Throwable failure) {
		Throwable cause = failure;
		while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
			cause = cause.getCause();
		}
		return cause;
	}

	private static PanelError error(Throwable cause) {
		if (cause instanceof TimeoutException) {
			return new PanelError("TIMEOUT", "Its source did not answer within the panel's time budget.");
		}
		if (cause instanceof MissingPanel missing) {
			return new PanelError("DEPENDS_ON_" + missing.panel().toUpperCase(java.util.Locale.ROOT),
					"Needs the " + missing.panel() + " panel, which is unavailable.");
		}
		if (cause instanceof DownstreamException downstream) {
			return switch (downstream.kind()) {
				case NOT_FOUND -> new PanelError("NOT_FOUND", "Its source does not know it.");
				case REFUSED -> new PanelError("REFUSED", "Its source refused the request.");
				case UNAVAILABLE -> new PanelError("BACKEND_UNAVAILABLE", backendDetail(downstream));
			};
		}
		log.warn("A panel failed unexpectedly", cause);
		return new PanelError("BACKEND_UNAVAILABLE", "Its source could not be read.");
	}

	private static String backendDetail(DownstreamException ex) {
		Object backend = ex.problem().get("backend");
		return backend != null ? "The " + backend + " backend is unavailable."
				: "The " + ex.service() + " is unavailable.";
	}
}
