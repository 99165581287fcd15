package io.retailhub.system.backend;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.circuitbreaker.event.CircuitBreakerOnStateTransitionEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Integration incidents as the business counts them, from each backend's circuit breaker:
 * {@code retailhub_backend_incidents_total{backend}} (the breaker opened from closed: one incident,
 * however often it re-opens while half-open) and {@code retailhub_backend_outage_seconds_total{backend}}
 * (time from an incident's start to the breaker closed again; an outage still going on counts up to
 * now at each scrape, so the counter never waits for the end of an outage).
 */
@Component
class BackendIncidents {

	private final LongSupplier nanoTime;

	@Autowired
	BackendIncidents(CircuitBreakerRegistry circuitBreakers, MeterRegistry registry) {
		this(circuitBreakers, registry, System::nanoTime);
	}

	BackendIncidents(CircuitBreakerRegistry circuitBreakers, MeterRegistry registry, LongSupplier nanoTime) {
		this.nanoTime = nanoTime;
		for (String backend : Backends.ALL) {
			follow(circuitBreakers.circuitBreaker(backend), backend, registry);
		}
	}

	private void follow(CircuitBreaker breaker, String backend, MeterRegistry registry) {
		Outage outage = new Outage(isDown(breaker.getState()) ? this.nanoTime.getAsLong() : Outage.NONE);
		Counter incidents = Counter.builder("retailhub.backend.incidents")
			.description("Integration incidents: a backend's circuit breaker opened from closed")
			.tag("backend", backend)
			.register(registry);
		FunctionCounter.builder("retailhub.backend.outage", outage, o -> o.seconds(this.nanoTime.getAsLong()))
			.description("Time backends spent with their circuit breaker open or half-open, from each incident's start")
			.baseUnit("seconds")
			.tag("backend", backend)
			.register(registry);
		breaker.getEventPublisher().onStateTransition(event -> {
			if (startsAnIncident(event)) {
				incidents.increment();
				outage.start(this.nanoTime.getAsLong());
			}
			else if (!isDown(event.getStateTransition().getToState())) {
				outage.end(this.nanoTime.getAsLong());
			}
		});
	}

	private static boolean startsAnIncident(CircuitBreakerOnStateTransitionEvent event) {
		return !isDown(event.getStateTransition().getFromState()) && isDown(event.getStateTransition().getToState());
	}

	/** Open, forced open or half-open (still probing): calls to the backend fail, or may. */
	private static boolean isDown(CircuitBreaker.State state) {
		return state == CircuitBreaker.State.OPEN || state == CircuitBreaker.State.FORCED_OPEN
				|| state == CircuitBreaker.State.HALF_OPEN;
	}

	/** Seconds of past outages, plus the current one's so far. */
	static final class Outage {

		static final long NONE = Long.MIN_VALUE;

		private final AtomicLong pastNanos = new AtomicLong();

		private volatile long startedAt;

		Outage(long startedAt) {
			this.startedAt = startedAt;
		}

		synchronized void start(long now) {
			if (this.startedAt == NONE) {
				this.startedAt = now;
			}
		}

		synchronized void end(long now) {
			if (this.startedAt != NONE) {
				this.pastNanos.addAndGet(now - this.startedAt);
				this.startedAt = NONE;
			}
		}

		synchronized double seconds(long now) {
			long started = this.startedAt;
			long current = started == NONE ? 0 : now - started;
			return (this.pastNanos.get() + current) / 1e9;
		}

	}

}
