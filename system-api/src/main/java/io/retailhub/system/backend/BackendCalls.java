package io.retailhub.system.backend;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
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
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import org.slf4j.MDC;

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
 * configured for the backend (ERP). A backend's refusals pass through untouched; transport
 * failures end in one of two exceptions, by what the caller may assume:
 * <ul>
 * <li>{@link BackendUnavailableException} (503): nothing was done. Nothing was sent (breaker open,
 * bulkhead full, rate limit, connection refused), the backend answered that it could not (5xx,
 * 429), or the call was a read, which changes nothing however it ended.</li>
 * <li>{@link BackendTimeoutException} (504): a write was sent and no answer came (the time limiter
 * gave up, the read timed out, the connection broke), so it may have happened. Once one attempt of
 * a write ended so, the call ends so too, even if a later retry found the backend unavailable: the
 * first attempt may still have done it.</li>
 * </ul>
 */
@Component
public class BackendCalls implements DisposableBean {

	/** What a call does to the backend: decides whether it is retried and what a lost answer means. */
	private enum Kind {

		READ, IDEMPOTENT_WRITE, WRITE;

		boolean retried() {
			return this != WRITE;
		}

		boolean writes() {
			return this != READ;
		}

	}

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

	private final Tracer tracer;

	BackendCalls(CircuitBreakerRegistry circuitBreakers, RetryRegistry retries, BulkheadRegistry bulkheads,
			TimeLimiterRegistry timeLimiters, RateLimiterRegistry rateLimiters, Tracer tracer) {
		this.tracer = tracer;
		this.circuitBreakers = circuitBreakers;
		this.retries = retries;
		this.bulkheads = bulkheads;
		this.timeLimiters = timeLimiters;
		this.rateLimiters = rateLimiters;
	}

	/** A call that changes nothing: retried on transient failures; a timeout is "unavailable". */
	public <T> T read(String backend, Supplier<T> call) {
		return run(backend, call, Kind.READ);
	}

	/**
	 * A write the backend deduplicates (idempotency key, upsert by external ID): retried, also
	 * after a timeout; if no attempt got an answer, a {@link BackendTimeoutException}.
	 */
	public <T> T idempotentWrite(String backend, Supplier<T> call) {
		return run(backend, call, Kind.IDEMPOTENT_WRITE);
	}

	/**
	 * A write that must never be repeated blindly: runs at most once; a timeout is a
	 * {@link BackendTimeoutException}.
	 */
	public <T> T write(String backend, Supplier<T> call) {
		return run(backend, call, Kind.WRITE);
	}

	private <T> T run(String backend, Supplier<T> call, Kind kind) {
		CircuitBreaker breaker = circuitBreakers.circuitBreaker(backend);
		TimeLimiter timeLimiter = timeLimiters.timeLimiter(backend);
		Bulkhead bulkhead = bulkheads.bulkhead(backend);
		// set when an attempt of a write went out and no answer came: from then on it may have happened
		AtomicBoolean unanswered = new AtomicBoolean();

		Callable<T> guarded = () -> attempt(backend, call, kind, timeLimiter, unanswered);
		guarded = Bulkhead.decorateCallable(bulkhead, guarded);
		if (rateLimiters.find(backend).isPresent()) {
			guarded = RateLimiter.decorateCallable(rateLimiters.rateLimiter(backend), guarded);
		}
		if (kind.retried()) {
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
			throw unlessUnanswered(unanswered,
					new BackendUnavailableException(backend, "too many concurrent calls", Duration.ofSeconds(1), ex));
		}
		catch (RequestNotPermitted ex) {
			throw unlessUnanswered(unanswered, new BackendUnavailableException(backend, "rate limit reached",
					rateLimiters.rateLimiter(backend).getRateLimiterConfig().getLimitRefreshPeriod(), ex));
		}
		catch (BackendUnavailableException ex) {
			throw unlessUnanswered(unanswered, ex);
		}
		catch (Exception ex) {
			throw rethrow(backend, ex);
		}
	}

	/** One attempt, cut off by the time limiter. */
	private <T> T attempt(String backend, Supplier<T> call, Kind kind, TimeLimiter timeLimiter,
			AtomicBoolean unanswered) throws Exception {
		try {
			Callable<T> translated = () -> translateTransport(backend, call, kind);
			return timeLimiter.executeFutureSupplier(() -> executor.submit(inCallersContext(translated)));
		}
		catch (TimeoutException ex) {
			String reason = "no answer within " + timeLimiter.getTimeLimiterConfig().getTimeoutDuration().toMillis()
					+ " ms";
			if (kind.writes()) {
				unanswered.set(true);
				throw new BackendTimeoutException(backend, reason, ex);
			}
			throw new BackendUnavailableException(backend, reason, Duration.ofSeconds(5), ex);
		}
		catch (Exception ex) {
			RuntimeException failure = rethrow(backend, ex);
			if (failure instanceof BackendTimeoutException) {
				unanswered.set(true);
			}
			throw failure;
		}
	}

	/**
	 * The task with the calling thread's log context (the request's correlation ID) and its span:
	 * the lines an adapter logs on the executor's thread name the request and the trace they belong
	 * to, and its HTTP call to the backend goes on in that trace.
	 */
	private <T> Callable<T> inCallersContext(Callable<T> task) {
		Map<String, String> callers = MDC.getCopyOfContextMap();
		Span span = this.tracer.currentSpan();
		return () -> {
			Map<String, String> own = MDC.getCopyOfContextMap();
			replaceLogContext(callers);
			try (Tracer.SpanInScope inScope = span == null ? null : this.tracer.withSpan(span)) {
				return task.call();
			}
			finally {
				replaceLogContext(own);
			}
		};
	}

	private static void replaceLogContext(Map<String, String> context) {
		if (context == null) {
			MDC.clear();
		}
		else {
			MDC.setContextMap(context);
		}
	}

	/**
	 * A retry that found the backend unavailable after an earlier attempt of the same write went
	 * unanswered: the earlier attempt may have done it, so the caller must hear "timeout".
	 */
	private static RuntimeException unlessUnanswered(AtomicBoolean unanswered, BackendUnavailableException ex) {
		return unanswered.get() ? new BackendTimeoutException(ex.backend(),
				"an earlier attempt got no answer, the last one: " + ex.getMessage(), ex) : ex;
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
	 * Turns transport failures into the exceptions the breaker and retry understand: a connection
	 * that could not be made, a 5xx or a 429 is a {@link BackendUnavailableException}; a write whose
	 * answer was lost after it was sent (read timeout, connection reset) a
	 * {@link BackendTimeoutException}; a read's lost answer is only "unavailable". A 4xx the adapter
	 * did not handle becomes a {@link BackendRejectedException}.
	 */
	private static <T> T translateTransport(String backend, Supplier<T> call, Kind kind) {
		try {
			return call.get();
		}
		catch (ResourceAccessException ex) {
			if (kind.writes() && !neverConnected(ex)) {
				throw new BackendTimeoutException(backend,
						"no answer after the request was sent (" + ex.getMostSpecificCause().getClass().getSimpleName()
								+ ")",
						ex);
			}
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

	/** The connection was never made (refused, connect timeout, unknown host): the request did not leave. */
	private static boolean neverConnected(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof ConnectException || cause instanceof HttpConnectTimeoutException
					|| cause instanceof UnknownHostException || cause instanceof NoRouteToHostException) {
				return true;
			}
		}
		return false;
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
