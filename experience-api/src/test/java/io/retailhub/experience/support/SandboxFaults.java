package io.retailhub.experience.support;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.retailhub.process.e2e.HubSandbox;
import io.retailhub.sandbox.backends.faults.Backend;
import io.retailhub.sandbox.backends.faults.Fault;
import io.retailhub.sandbox.backends.faults.Faults;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Faults at the sandbox backends for a test, undone after it: faults cleared and the system API's
 * breakers closed, so that no test's outage reaches the next.
 */
public final class SandboxFaults implements AfterEachCallback {

	/** Every request to the backend fails with 503. */
	public static void outage(Backend backend) {
		HubSandbox.outage(backend);
	}

	/** Every request to the backend is answered this much later. */
	public static void latency(Backend backend, int millis) {
		HubSandbox.backendBean(Faults.class).inject(backend, new Fault(millis, 0, 503, false, null));
	}

	@Override
	public void afterEach(ExtensionContext context) {
		HubSandbox.heal();
		HubSandbox.systemApi()
			.getBean(CircuitBreakerRegistry.class)
			.getAllCircuitBreakers()
			.forEach(CircuitBreaker::reset);
	}
}
