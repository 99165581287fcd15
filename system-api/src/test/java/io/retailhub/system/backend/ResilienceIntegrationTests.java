package io.retailhub.system.backend;

import static io.retailhub.system.support.SystemApiHttp.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import com.jayway.jsonpath.JsonPath;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.retailhub.sandbox.backends.data.DemoOrder;
import io.retailhub.sandbox.backends.faults.Backend;
import io.retailhub.sandbox.backends.faults.RequestCounts;
import io.retailhub.sandbox.backends.payment.PaymentEffects;
import io.retailhub.sandbox.backends.payment.PaymentLedger;
import io.retailhub.sandbox.backends.payment.RefundBehavior;
import io.retailhub.system.payment.PaymentTestOrders;
import io.retailhub.system.support.ResilienceReset;
import io.retailhub.system.support.Sandbox;
import io.retailhub.system.support.SystemApiHttp;
import io.retailhub.system.support.SystemApiIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.client.RestClient;

/**
 * The system API under backend failure, with the policies of system-api.yml scaled down so the
 * test runs in seconds: a 400 ms time limit, 1 s in the open state, short retry waits.
 */
@SystemApiIntegrationTest
@TestPropertySource(properties = { "resilience4j.timelimiter.configs.default.timeout-duration=400ms",
		"resilience4j.circuitbreaker.configs.default.wait-duration-in-open-state=1s",
		"resilience4j.retry.configs.default.wait-duration=20ms" })
class ResilienceIntegrationTests {

	static final String ORDER = "/api/system/v1/orders/WEB-100001";

	@LocalServerPort
	int port;

	@Autowired
	CircuitBreakerRegistry circuitBreakers;

	RestClient http;

	@BeforeEach
	void client() {
		ResilienceReset.healAll(circuitBreakers);
		http = SystemApiHttp.client(port, "");
	}

	@Test
	void erpOutageOpensTheBreakerAndOrdersAnswer503FastUntilHealed() {
		double incidentsBefore = sample("retailhub_backend_incidents_total");
		double outageBefore = sample("retailhub_backend_outage_seconds_total");
		Sandbox.outage(Backend.ERP);
		CircuitBreaker erp = circuitBreakers.circuitBreaker(Backends.ERP);

		await().atMost(Duration.ofSeconds(20)).until(() -> {
			get(http, ORDER);
			return erp.getState() == CircuitBreaker.State.OPEN;
		});

		long requestsBefore = Sandbox.bean(RequestCounts.class).count(Backend.ERP, "GET");
		long started = System.nanoTime();
		ResponseEntity<String> refused = get(http, ORDER);
		Duration took = Duration.ofNanos(System.nanoTime() - started);

		assertThat(refused.getStatusCode().value()).isEqualTo(503);
		assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(refused.getHeaders().getFirst("Retry-After")).isEqualTo("1");
		assertThat(refused.getBody()).contains("\"type\":\"https://retailhub.io/problems/backend-unavailable\"")
			.contains("\"backend\":\"erp\"");
		assertThat(Sandbox.bean(RequestCounts.class).count(Backend.ERP, "GET"))
			.as("an open breaker does not even try the backend")
			.isEqualTo(requestsBefore);
		assertThat(took).isLessThan(Duration.ofMillis(400));

		assertThat(get(http, "/actuator/prometheus").getBody())
			.contains("resilience4j_circuitbreaker_state{application=\"system-api\",name=\"erp\",state=\"open\"} 1.0");
		assertThat(JsonPath.<String>read(get(http, "/actuator/health").getBody(), "$.components.backends.components.erp.status"))
			.isEqualTo("DEGRADED");

		Sandbox.heal();
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			assertThat(get(http, ORDER).getStatusCode().value()).isEqualTo(200);
			assertThat(erp.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
		});
		assertThat(get(http, "/actuator/prometheus").getBody())
			.contains("resilience4j_circuitbreaker_state{application=\"system-api\",name=\"erp\",state=\"closed\"} 1.0");
		// one integration incident for ERP, and the time it lasted
		assertThat(sample("retailhub_backend_incidents_total")).isEqualTo(incidentsBefore + 1);
		assertThat(sample("retailhub_backend_outage_seconds_total")).isGreaterThan(outageBefore);
	}

	/** ERP's sample of a metric, as Prometheus reads it. */
	private double sample(String name) {
		String prefix = name + "{application=\"system-api\",backend=\"erp\"} ";
		return get(http, "/actuator/prometheus").getBody()
			.lines()
			.filter(line -> line.startsWith(prefix))
			.mapToDouble(line -> Double.parseDouble(line.substring(prefix.length())))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no " + prefix + "in the scrape"));
	}

	@Test
	void aCallRetriedThreeTimesCountsAsOneFailureForTheBreaker() {
		Sandbox.outage(Backend.ERP);
		CircuitBreaker erp = circuitBreakers.circuitBreaker(Backends.ERP);
		long requestsBefore = Sandbox.bean(RequestCounts.class).count(Backend.ERP, "GET");

		assertThat(get(http, ORDER).getStatusCode().value()).isEqualTo(503);

		assertThat(Sandbox.bean(RequestCounts.class).count(Backend.ERP, "GET") - requestsBefore).isEqualTo(3);
		assertThat(erp.getMetrics().getNumberOfFailedCalls()).isEqualTo(1);
	}

	@Test
	void aBackendSlowerThanItsTimeoutIsCutOffByTheTimeLimiter() {
		Sandbox.latency(Backend.ERP, 5_000);

		long started = System.nanoTime();
		ResponseEntity<String> slow = get(http, ORDER);
		Duration took = Duration.ofNanos(System.nanoTime() - started);

		assertThat(slow.getStatusCode().value()).as("a read changes nothing: unavailable, not ambiguous")
			.isEqualTo(503);
		assertThat(slow.getBody()).contains("\"type\":\"https://retailhub.io/problems/backend-unavailable\"")
			.contains("\"backend\":\"erp\"");
		assertThat(took).as("three attempts of 400 ms, never the backend's 5 s").isLessThan(Duration.ofSeconds(3));
	}

	@Test
	void aNonIdempotentCallIsNeverRetried() {
		String caseId = openCase("resilience-test-case");

		Sandbox.outage(Backend.CRM);
		long postsBefore = crmPosts();
		ResponseEntity<String> comment = addComment(caseId);

		assertThat(comment.getStatusCode().value()).isEqualTo(503);
		assertThat(crmPosts() - postsBefore)
			.as("one attempt: adding a comment is not idempotent")
			.isEqualTo(1);
	}

	@Test
	void aCaseCommentWhoseAnswerDoesNotComeInTimeIsA504SentOnce() {
		// given a case, and a CRM that now answers after 5 s, far beyond the 400 ms time limit
		String caseId = openCase("resilience-timeout-case");
		Sandbox.latency(Backend.CRM, 5_000);
		long postsBefore = crmPosts();

		// when a comment is added
		ResponseEntity<String> comment = addComment(caseId);

		// then the caller hears "it may have happened" (504), not "unavailable", and the comment went out once
		assertThat(comment.getStatusCode().value()).isEqualTo(504);
		assertThat(comment.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(comment.getHeaders().getFirst("Retry-After")).isNull();
		assertThat(comment.getBody()).contains("\"type\":\"https://retailhub.io/problems/backend-timeout\"")
			.contains("\"status\":504")
			.contains("\"backend\":\"crm\"");
		assertThat(crmPosts() - postsBefore)
			.as("a timed-out comment is not retried: it may be there already")
			.isEqualTo(1);
	}

	@Test
	void aRefundWhoseAttemptsAllGoUnansweredIsA504AndPaysOnce() {
		// given a payment provider that takes 2 s to make a refund: the first attempt is cut off at 400 ms,
		// the retries with the same key find the first request still running (Stripe's 409, "try later")
		DemoOrder order = PaymentTestOrders.untouchedCapturedOrder("USD");
		PaymentLedger ledger = Sandbox.bean(PaymentLedger.class);
		PaymentEffects effects = Sandbox.bean(PaymentEffects.class);
		ledger.refundBehavior(RefundBehavior.DEFAULT.withProcessingDelay(2_000));
		long createdBefore = effects.count(PaymentEffects.REFUNDS_CREATED);
		long postsBefore = Sandbox.bean(RequestCounts.class).count(Backend.PAYMENT, "POST");
		try {
			// when the refund is requested
			ResponseEntity<String> refund = http.post()
				.uri("/api/system/v1/refunds")
				.header("Idempotency-Key", "resilience-timeout-refund-" + order.orderNumber())
				.contentType(MediaType.APPLICATION_JSON)
				.body("""
						{"orderId":"%s","amount":{"amount":10.00,"currency":"USD"},"reference":"RES-TIMEOUT-%s"}"""
					.formatted(order.orderNumber(), order.orderNumber()))
				.retrieve()
				.toEntity(String.class);

			// then the answer is 504, although the last retry only heard "busy": the first attempt may have paid
			assertThat(refund.getStatusCode().value()).isEqualTo(504);
			assertThat(refund.getBody()).contains("\"type\":\"https://retailhub.io/problems/backend-timeout\"")
				.contains("\"backend\":\"payment\"");
			assertThat(Sandbox.bean(RequestCounts.class).count(Backend.PAYMENT, "POST") - postsBefore)
				.as("an idempotent write is retried with its key").isEqualTo(3);
			// and the provider made the refund once
			await().atMost(Duration.ofSeconds(10))
				.until(() -> effects.count(PaymentEffects.REFUNDS_CREATED) == createdBefore + 1);
			assertThat(effects.refundCount(order.paymentIntentId())).isEqualTo(1);
		}
		finally {
			ledger.resetRefundBehavior();
		}
	}

	private String openCase(String externalId) {
		String caseJson = """
				{"externalId":"%s","customerId":"17100001","subject":"Where is my parcel?"}""".formatted(externalId);
		ResponseEntity<String> opened = http.post()
			.uri("/api/system/v1/cases")
			.contentType(MediaType.APPLICATION_JSON)
			.body(caseJson)
			.retrieve()
			.toEntity(String.class);
		assertThat(opened.getStatusCode().is2xxSuccessful()).isTrue();
		return opened.getBody().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
	}

	private ResponseEntity<String> addComment(String caseId) {
		return http.post()
			.uri("/api/system/v1/cases/{id}/comments", caseId)
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"body\":\"Refund pending\",\"published\":false}")
			.retrieve()
			.toEntity(String.class);
	}

	private static long crmPosts() {
		return Sandbox.bean(RequestCounts.class).count(Backend.CRM, "POST");
	}
}
