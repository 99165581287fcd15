package io.retailhub.system.backend;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.ratelimiter.RequestNotPermitted;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClientResponseException;

/**
 * Runs every adapter call under the backend's resilience4j policies (system-api.yml), in this
 * order from the outside in:
 *
 * <pre>
 * CircuitBreaker( Retry( RateLimiter( Bulkhead( TimeLimiter( call ) ) ) ) )
 * </pre>
 *
 * The breaker sits outside the retry so that a call retried three times counts as one failure,
 * not three. Only {@link #read reads} and {@link #idempotentWrite writes that carry an idempotency
 * key} are retried; a plain {@link #write} runs once. A rate limiter applies only where one is
 * configured for the backend (ERP). Whatever goes wrong on the transport side ends as a
 * {@link BackendUnavailableException}; a backend's refusals pass through untouched.
 */
@Component
public class BackendCalls implements DisposableBean {

	private final CircuitBreakerRegistry circuitBreakers;

	private final RetryRegistry retries;

	private final BulkheadRegistry bulkheads;

	private final TimeLimiterRegistry timeLimiters;

	private final RateLimiterRegistry rateLimiters;

	/**
	 * Runs the HTTP calls so the time limiter can stop waiting for them. Its size is bounded by
	 * the bulkheads: at most the sum of their concurrent calls run at once.
	 */
	private final ExecutorService executor = Executors.newCachedThreadPool(new ThreadFactory() {
		private final AtomicInteger count = new AtomicInteger();

		@Override
		public Thread newThread(Runnable task) {
			Thread thread = new Thread(task, "backend-call-" + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		}
	});

	BackendCalls(CircuitBreakerRegistry circuitBreakers, RetryRegistry retries, BulkheadRegistry bulkheads,
			TimeLimiterRegistry timeLimiters, RateLimiterRegistry rateLimiters) {
		this.circuitBreakers = circuitBreakers;
		this.retries = retries;
		this.bulkheads = bulkheads;
		this.timeLimiters = timeLimiters;
		this.rateLimiters = rateLimiters;
	}

	/** A call that changes nothing: retried on transient failures. */
	public <T> T read(String backend, Supplier<T> call) {
		return run(backend, call, true);
	}

	/** A write the backend deduplicates (idempotency key, upsert by external ID): safe to retry. */
	public <T> T idempotentWrite(String backend, Supplier<T> call) {
		return run(backend, call, true);
	}

	/** A write that must never be repeated blindly: runs at most once. */
	public <T> T write(String backend, Supplier<T> call) {
		return run(backend, call, false);
	}

	private <T> T run(String backend, Supplier<T> call, boolean retryable) {
		CircuitBreaker breaker = circuitBreakers.circuitBreaker(backend);
		TimeLimiter timeLimiter = timeLimiters.timeLimiter(backend);
		Bulkhead bulkhead = bulkheads.bulkhead(backend);

		Callable<T> guarded = () -> timeLimiter
			.executeFutureSupplier(() -> executor.submit(() -> translateTransport(backend, call)));
		guarded = Bulkhead.decorateCallable(bulkhead, guarded);
		if (rateLimiters.find(backend).isPresent()) {
			guarded = RateLimiter.decorateCallable(rateLimiters.rateLimiter(backend), guarded);
		}
		if (retryable) {
			guarded = Retry.decorateCallable(retries.retry(backend), guarded);
		}
		guarded = CircuitBreaker.decorateCallable(breaker, guarded);
		try {
			return guarded.call();
		}
		catch (CallNotPermittedException ex) {
			long waitMillis = breaker.getCircuitBreakerConfig().getWaitIntervalFunctionInOpenState().apply(1);
			throw new BackendUnavailableException(backend, "circuit breaker is open", Duration.ofMillis(waitMillis),
					ex);
		}
		catch (BulkheadFullException ex) {
			throw new BackendUnavailableException(backend, "too many concurrent calls", Duration.ofSeconds(1), ex);
		}
		catch (RequestNotPermitted ex) {
			throw new BackendUnavailableException(backend, "rate limit reached",
					rateLimiters.rateLimiter(backend).getRateLimiterConfig().getLimitRefreshPeriod(), ex);
		}
		catch (TimeoutException ex) {
			throw new BackendUnavailableException(backend,
					"no answer within " + timeLimiter.getTimeLimiterConfig().getTimeoutDuration().toMillis() + " ms",
					Duration.ofSeconds(5), ex);
		}
		catch (ExecutionException ex) {
			throw rethrow(backend, ex.getCause());
		}
		catch (Exception ex) {
			throw rethrow(backend, ex);
		}
	}

	private static RuntimeException rethrow(String backend, Throwable failure) {
		if (failure instanceof ExecutionException wrapped && wrapped.getCause() != null) {
			return rethrow(backend, wrapped.getCause());
		}
		if (failure instanceof RuntimeException runtime) {
			return runtime;
		}
		return new BackendUnavailableException(backend, failure.getClass().getSimpleName(), null, failure);
	}

	/**
	 * Turns transport failures (connection refused, read timeout, 5xx, 429) into
	 * {@link BackendUnavailableException}s so the breaker and retry see one kind of transient
	 * failure. A 4xx the adapter did not handle becomes a {@link BackendRejectedException}.
	 */
	private static <T> T translateTransport(String backend, Supplier<T> call) {
		try {
			return call.get();
		}
		catch (ResourceAccessException ex) {
			throw new BackendUnavailableException(backend, "no connection or no answer", Duration.ofSeconds(5), ex);
		}
		catch (HttpServerErrorException ex) {
			throw new BackendUnavailableException(backend, "answered " + ex.getStatusCode().value(),
					retryAfter(ex), ex);
		}
		catch (HttpClientErrorException ex) {
			if (ex.getStatusCode().isSameCodeAs(HttpStatus.TOO_MANY_REQUESTS)) {
				throw new BackendUnavailableException(backend, "rate limited (429)", retryAfter(ex), ex);
			}
			throw new BackendRejectedException(backend, ex.getStatusCode().value(), null,
					backend + " refused the request with status " + ex.getStatusCode().value());
		}
	}

	private static Duration retryAfter(RestClientResponseException ex) {
		String header = ex.getResponseHeaders() != null ? ex.getResponseHeaders().getFirst("Retry-After") : null;
		if (header != null && header.chars().allMatch(Character::isDigit) && !header.isEmpty()) {
			return Duration.ofSeconds(Long.parseLong(header));
		}
		return Duration.ofSeconds(5);
	}

	@Override
	public void destroy() {
		executor.shutdownNow();
	}
}
