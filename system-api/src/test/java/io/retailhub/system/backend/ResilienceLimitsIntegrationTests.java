package io.retailhub.system.backend;

import static io.retailhub.system.support.SystemApiHttp.get;
import static io.retailhub.system.support.SystemApiHttp.jsonOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.retailhub.sandbox.backends.faults.Backend;
import io.retailhub.sandbox.backends.faults.RequestCounts;
import io.retailhub.system.support.Sandbox;
import io.retailhub.system.support.SystemApiHttp;
import io.retailhub.system.support.SystemApiIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.client.RestClient;

/**
 * What health shows for each breaker state, and the limits that refuse a call before it reaches
 * its backend: the bulkhead (25 concurrent calls, no waiting) and ERP's rate limiter. States are
 * held, not timed: an open breaker stays open for the test ({@value #OPEN_STATE_SECONDS} s), calls
 * are held at the payment sandbox by its latency fault (cut off by nothing shorter), and ERP's
 * rate limiter gives {@value #ERP_CALLS_PER_PERIOD} calls for the whole test class.
 *
 * <p>The bulkhead keeps system-api.yml's size: that is the promise. Only ERP has a rate limiter
 * here, so the other tests leave ERP alone.
 */
@SystemApiIntegrationTest
@TestPropertySource(properties = {
		"resilience4j.circuitbreaker.configs.default.wait-duration-in-open-state=" + ResilienceLimitsIntegrationTests.OPEN_STATE_SECONDS + "s",
		"resilience4j.retry.configs.default.wait-duration=20ms",
		// a held payment call is never cut off: not by the time limiter, not by the HTTP read timeout
		"resilience4j.timelimiter.instances.payment.timeout-duration=60s",
		"retailhub.backends.payment.read-timeout=60s",
		"resilience4j.ratelimiter.instances.erp.limit-for-period=" + ResilienceLimitsIntegrationTests.ERP_CALLS_PER_PERIOD,
		"resilience4j.ratelimiter.instances.erp.limit-refresh-period=" + ResilienceLimitsIntegrationTests.ERP_PERIOD_SECONDS + "s" })
class ResilienceLimitsIntegrationTests {

	static final int OPEN_STATE_SECONDS = 600;

	static final int ERP_CALLS_PER_PERIOD = 5;

	static final int ERP_PERIOD_SECONDS = 3600;

	/** system-api.yml: {@code resilience4j.bulkhead.configs.default.max-concurrent-calls}. */
	static final int BULKHEAD_SIZE = 25;

	/** How long the payment sandbox holds each call in the bulkhead test; far longer than the test needs. */
	static final Duration HOLD = Duration.ofSeconds(20);

	static final String ORDER = "/api/system/v1/orders/WEB-100001";

	@LocalServerPort
	int port;

	@Autowired
	CircuitBreakerRegistry circuitBreakers;

	@Autowired
	BulkheadRegistry bulkheads;

	RestClient http;

	@BeforeEach
	void client() {
		http = SystemApiHttp.client(port, "");
	}

	@Test
	void anOpenBreakerDegradesHealthWhichStillAnswers200() {
		// given a payment provider down until its breaker opened
		Sandbox.outage(Backend.PAYMENT);
		CircuitBreaker payment = circuitBreakers.circuitBreaker(Backends.PAYMENT);
		await().atMost(Duration.ofSeconds(30)).until(() -> {
			lookUpRefund("re_while_down");
			return payment.getState() == CircuitBreaker.State.OPEN;
		});

		// when ops ask for health
		ResponseEntity<String> health = get(http, "/actuator/health");

		// then the hub is degraded, and still in rotation: 200
		assertThat(health.getStatusCode().value()).isEqualTo(200);
		JsonNode body = jsonOf(health);
		assertThat(body.path("status").asString()).isEqualTo("DEGRADED");
		assertThat(backendHealth(body, Backends.PAYMENT)).isEqualTo("DEGRADED");
		assertThat(backendHealth(body, Backends.ERP)).isEqualTo("UP");
	}

	@Test
	void aHalfOpenBreakerShowsUnknownInHealth() {
		// given a payment breaker that opened and now lets its trial calls through
		CircuitBreaker payment = circuitBreakers.circuitBreaker(Backends.PAYMENT);
		payment.transitionToOpenState();
		payment.transitionToHalfOpenState();

		// when ops ask for health
		ResponseEntity<String> health = get(http, "/actuator/health");

		// then the backend is UNKNOWN, and so is the whole (nothing worse is known)
		assertThat(health.getStatusCode().value()).isEqualTo(200);
		JsonNode body = jsonOf(health);
		assertThat(backendHealth(body, Backends.PAYMENT)).isEqualTo("UNKNOWN");
		assertThat(body.path("status").asString()).isEqualTo("UNKNOWN");
	}

	@Test
	void theBulkheadsNextCallerGets503AtOnceWithoutReachingTheBackend() throws Exception {
		// given as many refund lookups as the bulkhead admits, all held at a slow payment provider
		Sandbox.latency(Backend.PAYMENT, HOLD.toMillis());
		Bulkhead bulkhead = bulkheads.bulkhead(Backends.PAYMENT);
		long getsBefore = paymentGets();
		ExecutorService callers = Executors.newFixedThreadPool(BULKHEAD_SIZE);
		try {
			List<Future<ResponseEntity<String>>> held = IntStream.range(0, BULKHEAD_SIZE)
				.mapToObj(i -> callers.submit(() -> lookUpRefund("re_held_" + i)))
				.toList();
			await().atMost(HOLD.dividedBy(2))
				.untilAsserted(() -> assertThat(paymentGets() - getsBefore).isEqualTo(BULKHEAD_SIZE));
			assertThat(bulkhead.getMetrics().getAvailableConcurrentCalls()).isZero();

			// when one more caller asks
			long started = System.nanoTime();
			ResponseEntity<String> refused = lookUpRefund("re_one_too_many");
			Duration took = Duration.ofNanos(System.nanoTime() - started);

			// then it is refused while every admitted call is still held, so it waited for none of them
			assertThat(bulkhead.getMetrics().getAvailableConcurrentCalls()).as("all admitted calls still held")
				.isZero();
			assertThat(took).as("well before a held call could end").isLessThan(HOLD.dividedBy(4));
			assertThat(refused.getStatusCode().value()).isEqualTo(503);
			assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
			assertThat(refused.getHeaders().getFirst("Retry-After")).as("the bulkhead's, not a breaker's").isEqualTo("1");
			assertThat(jsonOf(refused).path("type").asString())
				.isEqualTo("https://retailhub.io/problems/backend-unavailable");
			assertThat(jsonOf(refused).path("backend").asString()).isEqualTo(Backends.PAYMENT);
			// and it never reached the provider
			assertThat(paymentGets() - getsBefore).isEqualTo(BULKHEAD_SIZE);

			// and the held calls are answered once the provider does (an unknown refund: 404)
			for (Future<ResponseEntity<String>> call : held) {
				assertThat(call.get(HOLD.multipliedBy(3).toSeconds(), TimeUnit.SECONDS).getStatusCode().value())
					.isEqualTo(404);
			}
		}
		finally {
			callers.shutdownNow();
		}
	}

	@Test
	void erpsRateLimiterRefusesCallsAboveItsRateBeforeTheyReachErp() {
		// given ERP's calls for this period, used up by order lookups
		long getsBefore = erpGets();
		ResponseEntity<String> refused = null;
		for (int lookup = 0; lookup <= ERP_CALLS_PER_PERIOD && refused == null; lookup++) {
			ResponseEntity<String> answer = get(http, ORDER);
			if (answer.getStatusCode().value() != 200) {
				refused = answer;
			}
		}
		assertThat(refused).as("a lookup above the rate").isNotNull();
		assertThat(erpGets() - getsBefore).as("ERP got its rate, no more").isEqualTo(ERP_CALLS_PER_PERIOD);

		// when one more order is looked up
		ResponseEntity<String> another = get(http, ORDER);

		// then the calls above the rate were refused: 503 naming ERP, try again when the period renews
		for (ResponseEntity<String> answer : List.of(refused, another)) {
			assertThat(answer.getStatusCode().value()).isEqualTo(503);
			assertThat(jsonOf(answer).path("type").asString())
				.isEqualTo("https://retailhub.io/problems/backend-unavailable");
			assertThat(jsonOf(answer).path("backend").asString()).isEqualTo(Backends.ERP);
			assertThat(answer.getHeaders().getFirst("Retry-After")).as("the rate limiter's period, not a breaker's")
				.isEqualTo(Integer.toString(ERP_PERIOD_SECONDS));
		}
		// and never reached ERP
		assertThat(erpGets() - getsBefore).isEqualTo(ERP_CALLS_PER_PERIOD);
		assertThat(circuitBreakers.circuitBreaker(Backends.ERP).getState()).isEqualTo(CircuitBreaker.State.CLOSED);
	}

	private ResponseEntity<String> lookUpRefund(String refundId) {
		return get(http, "/api/system/v1/refunds/{id}", refundId);
	}

	private static String backendHealth(JsonNode health, String backend) {
		return health.path("components").path("backends").path("components").path(backend).path("status").asString();
	}

	private static long paymentGets() {
		return Sandbox.bean(RequestCounts.class).count(Backend.PAYMENT, "GET");
	}

	private static long erpGets() {
		return Sandbox.bean(RequestCounts.class).count(Backend.ERP, "GET");
	}
}
