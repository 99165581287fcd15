package io.retailhub.system.backend;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BackendIncidentsTests {

	private final AtomicLong now = new AtomicLong(1_000_000_000L);

	private final CircuitBreakerRegistry breakers = CircuitBreakerRegistry.ofDefaults();

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	@Test
	void anIncidentIsABreakerOpeningFromClosedAndItsOutageRunsUntilItClosesAgain() {
		new BackendIncidents(this.breakers, this.registry, this.now::get);
		CircuitBreaker payment = this.breakers.circuitBreaker(Backends.PAYMENT);

		// opened: one incident, its outage counting up while it lasts
		payment.transitionToOpenState();
		pass(Duration.ofSeconds(5));
		assertThat(incidents(Backends.PAYMENT)).isEqualTo(1);
		assertThat(outageSeconds(Backends.PAYMENT)).isEqualTo(5);

		// probing and opening again is the same incident
		payment.transitionToHalfOpenState();
		payment.transitionToOpenState();
		pass(Duration.ofSeconds(3));
		assertThat(incidents(Backends.PAYMENT)).isEqualTo(1);

		// closed: the outage stops counting
		payment.transitionToHalfOpenState();
		payment.transitionToClosedState();
		pass(Duration.ofSeconds(60));
		assertThat(outageSeconds(Backends.PAYMENT)).isEqualTo(8);

		// the next opening is a second incident; other backends had none
		payment.transitionToOpenState();
		pass(Duration.ofSeconds(2));
		assertThat(incidents(Backends.PAYMENT)).isEqualTo(2);
		assertThat(outageSeconds(Backends.PAYMENT)).isEqualTo(10);
		assertThat(incidents(Backends.ERP)).isZero();
		assertThat(outageSeconds(Backends.ERP)).isZero();
	}

	private void pass(Duration duration) {
		this.now.addAndGet(duration.toNanos());
	}

	private double incidents(String backend) {
		return this.registry.get("retailhub.backend.incidents").tag("backend", backend).counter().count();
	}

	private double outageSeconds(String backend) {
		return this.registry.get("retailhub.backend.outage").tag("backend", backend).functionCounter().count();
	}

}
