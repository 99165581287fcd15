package io.retailhub.system.breakers;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.retailhub.system.backend.Backends;

import org.springframework.stereotype.Component;

/**
 * Each backend's circuit breaker as ops read it: its state, the rates and counts of its sliding
 * window, and since when the current incident lasts (the breaker left CLOSED for OPEN, FORCED_OPEN
 * or HALF_OPEN, however often it went back and forth between those since). The breakers are this
 * instance's: every system API instance keeps its own.
 */
@Component
class BreakerStates {

	private final CircuitBreakerRegistry circuitBreakers;

	private final Clock clock;

	private final Map<String, Instant> incidentStarts = new ConcurrentHashMap<>();

	BreakerStates(CircuitBreakerRegistry circuitBreakers, Clock clock) {
		this.circuitBreakers = circuitBreakers;
		this.clock = clock;
		for (String backend : Backends.ALL) {
			CircuitBreaker breaker = circuitBreakers.circuitBreaker(backend);
			if (isDown(breaker.getState())) {
				// down before this bean saw it: the incident started at the latest now
				this.incidentStarts.put(backend, clock.instant());
			}
			breaker.getEventPublisher().onStateTransition(event -> {
				if (isDown(event.getStateTransition().getToState())) {
					this.incidentStarts.putIfAbsent(backend, this.clock.instant());
				}
				else {
					this.incidentStarts.remove(backend);
				}
			});
		}
	}

	List<BackendBreaker> all() {
		return Backends.ALL.stream().map(this::of).toList();
	}

	private BackendBreaker of(String backend) {
		CircuitBreaker breaker = this.circuitBreakers.circuitBreaker(backend);
		CircuitBreaker.Metrics metrics = breaker.getMetrics();
		CircuitBreaker.State state = breaker.getState();
		return new BackendBreaker(backend, state.name(), rate(metrics.getFailureRate()),
				rate(metrics.getSlowCallRate()), metrics.getNumberOfBufferedCalls(), metrics.getNumberOfFailedCalls(),
				metrics.getNumberOfSlowCalls(), metrics.getNumberOfNotPermittedCalls(),
				isDown(state) ? this.incidentStarts.get(backend) : null);
	}

	/** resilience4j answers -1 until the window holds its minimum number of calls. */
	private static Double rate(float percent) {
		return percent < 0 ? null : (double) percent;
	}

	private static boolean isDown(CircuitBreaker.State state) {
		return state == CircuitBreaker.State.OPEN || state == CircuitBreaker.State.FORCED_OPEN
				|| state == CircuitBreaker.State.HALF_OPEN;
	}

	/**
	 * @param state CLOSED, OPEN, HALF_OPEN, FORCED_OPEN, DISABLED or METRICS_ONLY
	 * @param failureRatePercent failed calls in the sliding window, in percent; null until it holds
	 * its minimum number of calls
	 * @param slowCallRatePercent calls slower than the slow-call threshold, likewise
	 * @param notPermittedCalls calls refused fast while open (since the breaker last changed state)
	 * @param openSince when the current incident started; null while CLOSED
	 */
	record BackendBreaker(String backend, String state, Double failureRatePercent, Double slowCallRatePercent,
			int bufferedCalls, int failedCalls, int slowCalls, long notPermittedCalls, Instant openSince) {
	}

}
