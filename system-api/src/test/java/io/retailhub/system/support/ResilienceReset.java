package io.retailhub.system.support;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Heals the sandbox and closes every breaker, so one test's failures never leak into the next.
 * Every {@link SystemApiIntegrationTest} does so after each test, after the test's own
 * {@code @AfterEach} methods.
 */
public final class ResilienceReset implements AfterEachCallback {

	@Override
	public void afterEach(ExtensionContext context) {
		healAll(SpringExtension.getApplicationContext(context).getBean(CircuitBreakerRegistry.class));
	}

	public static void healAll(CircuitBreakerRegistry circuitBreakers) {
		Sandbox.heal();
		circuitBreakers.getAllCircuitBreakers().forEach(cb -> cb.reset());
	}
}
