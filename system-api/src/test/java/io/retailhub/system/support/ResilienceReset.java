package io.retailhub.system.support;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;

/** Heals the sandbox and closes every breaker, so one test's failures never leak into the next. */
public final class ResilienceReset {

	private ResilienceReset() {
	}

	public static void healAll(CircuitBreakerRegistry circuitBreakers) {
		Sandbox.heal();
		circuitBreakers.getAllCircuitBreakers().forEach(cb -> cb.reset());
	}
}
