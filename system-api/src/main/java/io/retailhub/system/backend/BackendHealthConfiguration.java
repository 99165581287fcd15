package io.retailhub.system.backend;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;

import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One health component per backend under {@code backends}, reflecting its circuit breaker: closed
 * is UP, half-open UNKNOWN, open DEGRADED. A backend outage degrades the hub but does not take the
 * system API out of rotation (DEGRADED maps to HTTP 200, see system-api.yml): it still answers,
 * fast, with 503 for what needs the missing backend.
 */
@Configuration(proxyBeanMethods = false)
class BackendHealthConfiguration {

	static final Status DEGRADED = new Status("DEGRADED", "circuit breaker open: calls fail fast");

	@Bean
	CompositeHealthContributor backendsHealthContributor(CircuitBreakerRegistry circuitBreakers) {
		Map<String, HealthIndicator> indicators = new LinkedHashMap<>();
		for (String backend : Backends.ALL) {
			CircuitBreaker breaker = circuitBreakers.circuitBreaker(backend);
			indicators.put(backend, () -> health(breaker));
		}
		return CompositeHealthContributor.fromMap(indicators);
	}

	private static Health health(CircuitBreaker breaker) {
		CircuitBreaker.Metrics metrics = breaker.getMetrics();
		Health.Builder builder = switch (breaker.getState()) {
			case CLOSED, DISABLED, METRICS_ONLY -> Health.up();
			case HALF_OPEN -> Health.unknown();
			case OPEN, FORCED_OPEN -> Health.status(DEGRADED);
		};
		return builder.withDetail("circuitBreaker", breaker.getState().name())
			.withDetail("failureRate", metrics.getFailureRate() + "%")
			.withDetail("bufferedCalls", metrics.getNumberOfBufferedCalls())
			.withDetail("failedCalls", metrics.getNumberOfFailedCalls())
			.withDetail("notPermittedCalls", metrics.getNumberOfNotPermittedCalls())
			.build();
	}
}
