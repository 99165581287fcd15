package io.retailhub.system.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import io.micrometer.tracing.Tracer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.ResourceAccessException;

/**
 * How a transport failure reaches the caller: "unavailable" (nothing happened) or "timeout" (a
 * write may have happened), for HTTP failures the sandbox cannot stage quickly (a read timeout of
 * the HTTP client itself, a refused connection).
 */
class BackendCallsTests {

	private final BackendCalls calls = new BackendCalls(CircuitBreakerRegistry.ofDefaults(),
			RetryRegistry.of(RetryConfig.custom()
				.maxAttempts(3)
				.waitDuration(Duration.ofMillis(1))
				.retryExceptions(BackendUnavailableException.class, BackendTimeoutException.class)
				.build()),
			BulkheadRegistry.ofDefaults(), TimeLimiterRegistry.ofDefaults(), RateLimiterRegistry.ofDefaults(),
			Tracer.NOOP);

	@AfterEach
	void stop() {
		calls.destroy();
	}

	@Test
	void aWriteWhoseReadTimedOutMayHaveHappened() {
		AtomicInteger attempts = new AtomicInteger();

		assertThatThrownBy(() -> calls.write("crm", failing(attempts, readTimeout())))
			.isInstanceOf(BackendTimeoutException.class)
			.hasMessageContaining("crm");
		assertThat(attempts).as("a plain write is sent once").hasValue(1);
	}

	@Test
	void aWriteThatNeverConnectedDidNotHappen() {
		AtomicInteger attempts = new AtomicInteger();

		assertThatThrownBy(() -> calls.write("crm", failing(attempts, refused())))
			.isInstanceOf(BackendUnavailableException.class);
		assertThat(attempts).hasValue(1);
	}

	@Test
	void aReadWhoseReadTimedOutIsOnlyUnavailable() {
		AtomicInteger attempts = new AtomicInteger();

		assertThatThrownBy(() -> calls.read("erp", failing(attempts, readTimeout())))
			.isInstanceOf(BackendUnavailableException.class);
		assertThat(attempts).as("reads are retried").hasValue(3);
	}

	@Test
	void anIdempotentWriteStaysUnansweredWhenLaterRetriesFindTheBackendUnavailable() {
		// given a first attempt whose answer is lost, then a backend that answers 503
		AtomicInteger attempts = new AtomicInteger();
		Supplier<Object> call = () -> {
			if (attempts.incrementAndGet() == 1) {
				throw readTimeout();
			}
			throw HttpServerErrorException.create(HttpStatus.SERVICE_UNAVAILABLE, "down", null, null, null);
		};

		// then the caller hears that the write may have happened
		assertThatThrownBy(() -> calls.idempotentWrite("payment", call)).isInstanceOf(BackendTimeoutException.class)
			.hasMessageContaining("an earlier attempt got no answer");
		assertThat(attempts).hasValue(3);
	}

	@Test
	void anIdempotentWriteThatNeverGotThroughIsUnavailable() {
		AtomicInteger attempts = new AtomicInteger();

		assertThatThrownBy(() -> calls.idempotentWrite("payment", failing(attempts, refused())))
			.isInstanceOf(BackendUnavailableException.class);
		assertThat(attempts).hasValue(3);
	}

	private static Supplier<Object> failing(AtomicInteger attempts, RuntimeException failure) {
		return () -> {
			attempts.incrementAndGet();
			throw failure;
		};
	}

	private static ResourceAccessException readTimeout() {
		return new ResourceAccessException("I/O error", new HttpTimeoutException("request timed out"));
	}

	private static ResourceAccessException refused() {
		return new ResourceAccessException("I/O error", new ConnectException("Connection refused"));
	}

}
