package io.retailhub.system.refunds;

import static io.retailhub.system.support.SystemApiHttp.get;
import static io.retailhub.system.support.SystemApiHttp.jsonOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import io.retailhub.sandbox.backends.data.DemoOrder;
import io.retailhub.sandbox.backends.faults.Backend;
import io.retailhub.sandbox.backends.faults.Fault;
import io.retailhub.sandbox.backends.faults.RequestCounts;
import io.retailhub.sandbox.backends.payment.PaymentEffects;
import io.retailhub.system.payment.PaymentTestOrders;
import io.retailhub.system.support.Sandbox;
import io.retailhub.system.support.SystemApiHttp;
import io.retailhub.system.support.SystemApiIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/** {@code /api/system/v1/refunds} over HTTP, with the simulated Stripe account behind it. */
@SystemApiIntegrationTest
class RefundApiIntegrationTests {

	static final String PROBLEMS = "https://retailhub.io/problems/";

	@LocalServerPort
	int port;

	final PaymentEffects effects = Sandbox.bean(PaymentEffects.class);

	RestClient api;

	@BeforeEach
	void client() {
		api = SystemApiHttp.client(port, "/api/system/v1/refunds");
	}

	@Test
	void createsARefundAnswering201WithItsLocation() {
		DemoOrder order = PaymentTestOrders.untouchedCapturedOrder("USD");

		ResponseEntity<String> created = post("api-create-1", body(order, "10.50", "USD", "RET-API-1"));
		JsonNode refund = jsonOf(created);
		ResponseEntity<String> fetched = api.get()
			.uri(created.getHeaders().getLocation())
			.retrieve()
			.toEntity(String.class);

		assertThat(created.getStatusCode().value()).isEqualTo(201);
		assertThat(created.getHeaders().getLocation().getPath())
			.isEqualTo("/api/system/v1/refunds/" + refund.get("id").asString());
		assertThat(refund.get("orderId").asString()).isEqualTo(order.orderNumber());
		assertThat(refund.get("paymentReference").asString()).isEqualTo(order.paymentIntentId());
		assertThat(refund.get("reference").asString()).isEqualTo("RET-API-1");
		assertThat(refund.get("amount").get("amount").decimalValue()).isEqualByComparingTo("10.50");
		assertThat(refund.get("amount").get("currency").asString()).isEqualTo("USD");
		assertThat(refund.get("status").asString()).isEqualTo("SUCCEEDED");
		assertThat(fetched.getStatusCode().value()).isEqualTo(200);
		assertThat(jsonOf(fetched)).isEqualTo(refund);
	}

	@Test
	void answersTheSameRefundForTheSameKeyAndBodyAndCreatesItOnce() {
		DemoOrder order = PaymentTestOrders.untouchedCapturedOrder("EUR");
		String body = body(order, "3.00", "EUR", "RET-API-TWICE");
		long createdBefore = effects.count(PaymentEffects.REFUNDS_CREATED);

		ResponseEntity<String> first = post("api-twice-1", body);
		ResponseEntity<String> second = post("api-twice-1", body);

		assertThat(first.getStatusCode().value()).isEqualTo(201);
		assertThat(second.getStatusCode().value()).isEqualTo(201);
		assertThat(jsonOf(second)).isEqualTo(jsonOf(first));
		assertThat(effects.count(PaymentEffects.REFUNDS_CREATED)).isEqualTo(createdBefore + 1);
		assertThat(effects.refundCount(order.paymentIntentId())).isEqualTo(1);
	}

	@Test
	void refusesTheSameKeyWithAnotherBodyAsAReusedKey() {
		DemoOrder order = PaymentTestOrders.untouchedCapturedOrder("USD");
		post("api-reuse-1", body(order, "3.00", "USD", "RET-API-REUSE"));

		ResponseEntity<String> reused = post("api-reuse-1", body(order, "4.00", "USD", "RET-API-REUSE"));

		assertThat(reused.getStatusCode().value()).isEqualTo(409);
		assertThat(reused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		JsonNode problem = jsonOf(reused);
		assertThat(problem.get("type").asString()).isEqualTo(PROBLEMS + "idempotency-key-reused");
		assertThat(problem.get("correlationId").asString()).isNotBlank();
		assertThat(effects.refundCount(order.paymentIntentId())).isEqualTo(1);
	}

	@Test
	void refusesAnOverRefundBeforeAskingTheProvider() {
		DemoOrder order = PaymentTestOrders.untouchedCapturedOrder("USD");
		long writesBefore = providerWrites();

		ResponseEntity<String> tooMuch = post("api-too-much-1",
				body(order, order.total().add(new BigDecimal("0.01")).toPlainString(), "USD", "RET-API-MUCH"));

		assertThat(tooMuch.getStatusCode().value()).isEqualTo(422);
		JsonNode problem = jsonOf(tooMuch);
		assertThat(problem.get("type").asString()).isEqualTo(PROBLEMS + "not-allowed-for-order");
		assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("amount");
		assertThat(problem.get("errors").get(0).get("message").asString())
			.isEqualTo("must be at most " + order.total().toPlainString() + " USD");
		assertThat(providerWrites()).isEqualTo(writesBefore);
		assertThat(effects.refundCount(order.paymentIntentId())).isZero();
	}

	@Test
	void refusesMoreThanWhatEarlierRefundsLeftAndTakesExactlyTheRest() {
		// given an order refunded 10.00 already
		DemoOrder order = PaymentTestOrders.untouchedCapturedOrder("USD");
		assertThat(post("api-rest-1", body(order, "10.00", "USD", "RET-API-REST-1")).getStatusCode().value())
			.isEqualTo(201);
		BigDecimal rest = order.total().subtract(new BigDecimal("10.00"));
		long writesBefore = providerWrites();

		// when a second refund asks for a cent more than the rest, then for the rest
		ResponseEntity<String> aCentTooMuch = post("api-rest-2",
				body(order, rest.add(new BigDecimal("0.01")).toPlainString(), "USD", "RET-API-REST-2"));
		long writesAfterRefusal = providerWrites();
		ResponseEntity<String> theRest = post("api-rest-3", body(order, rest.toPlainString(), "USD", "RET-API-REST-3"));

		// then the first is refused without a write, the second refunds the order in full
		assertThat(aCentTooMuch.getStatusCode().value()).isEqualTo(422);
		assertThat(writesAfterRefusal).isEqualTo(writesBefore);
		assertThat(theRest.getStatusCode().value()).isEqualTo(201);
		assertThat(effects.refundCount(order.paymentIntentId())).isEqualTo(2);
	}

	@Test
	void answersARepeatOfAFullRefundWithTheFirstRefundNotWithNothingLeftToRefund() {
		// given an order refunded in full, whose answer the caller lost
		DemoOrder order = PaymentTestOrders.untouchedCapturedOrder("USD");
		String body = body(order, order.total().toPlainString(), "USD", "RET-API-FULL");
		ResponseEntity<String> first = post("api-full-1", body);

		// when the caller sends the same request again, with the same key
		ResponseEntity<String> repeat = post("api-full-1", body);

		// then it gets the first refund back, and there is still one
		assertThat(first.getStatusCode().value()).isEqualTo(201);
		assertThat(repeat.getStatusCode().value()).isEqualTo(201);
		assertThat(jsonOf(repeat).get("id")).isEqualTo(jsonOf(first).get("id"));
		assertThat(effects.refundCount(order.paymentIntentId())).isEqualTo(1);
	}

	@Test
	void requiresAnIdempotencyKeyOfAtMost255Characters() {
		DemoOrder order = PaymentTestOrders.untouchedCapturedOrder("USD");
		String body = body(order, "1.00", "USD", "RET-API-KEY");

		ResponseEntity<String> missing = post(null, body);
		ResponseEntity<String> tooLong = post("k".repeat(256), body);

		assertThat(missing.getStatusCode().value()).isEqualTo(400);
		assertThat(jsonOf(missing).get("type").asString()).isEqualTo(PROBLEMS + "invalid-request");
		assertThat(jsonOf(missing).get("detail").asString()).contains("Idempotency-Key");
		assertThat(tooLong.getStatusCode().value()).isEqualTo(400);
		assertThat(jsonOf(tooLong).get("type").asString()).isEqualTo(PROBLEMS + "invalid-request");
		assertThat(effects.refundCount(order.paymentIntentId())).isZero();
	}

	@Test
	void refusesUnknownCurrenciesAmountsThatAreNotPositiveAndOtherCurrenciesThanThePayments() {
		DemoOrder order = PaymentTestOrders.untouchedCapturedOrder("USD");
		long writesBefore = providerWrites();

		ResponseEntity<String> unknownCurrency = post("api-bad-1", body(order, "1.00", "XYZ", "RET-API-BAD"));
		ResponseEntity<String> negative = post("api-bad-2", body(order, "-1.00", "USD", "RET-API-BAD"));
		ResponseEntity<String> zero = post("api-bad-3", body(order, "0.00", "USD", "RET-API-BAD"));
		ResponseEntity<String> noReference = post("api-bad-5", body(order, "1.00", "USD", ""));
		ResponseEntity<String> otherCurrency = post("api-bad-4", body(order, "1.00", "EUR", "RET-API-BAD"));
		ResponseEntity<String> noCurrency = post("api-bad-6", body(order, "1.00", "XXX", "RET-API-BAD"));

		for (ResponseEntity<String> refused : List.of(unknownCurrency, negative, zero, noReference)) {
			assertThat(refused.getStatusCode().value()).isEqualTo(400);
			assertThat(jsonOf(refused).get("type").asString()).isEqualTo(PROBLEMS + "invalid-request");
		}
		assertThat(jsonOf(unknownCurrency).get("errors").get(0).get("field").asString())
			.isEqualTo("amount.currency");
		assertThat(jsonOf(negative).get("errors").get(0).get("field").asString()).isEqualTo("amount.amount");
		assertThat(jsonOf(noReference).get("errors").get(0).get("field").asString())
			.isEqualTo("reference");
		for (ResponseEntity<String> refused : List.of(otherCurrency, noCurrency)) {
			assertThat(refused.getStatusCode().value()).isEqualTo(422);
			assertThat(jsonOf(refused).get("type").asString()).isEqualTo(PROBLEMS + "not-allowed-for-order");
			assertThat(jsonOf(refused).get("errors").get(0).get("field").asString()).isEqualTo("amount.currency");
		}
		assertThat(providerWrites()).isEqualTo(writesBefore);
		assertThat(effects.refundCount(order.paymentIntentId())).isZero();
	}

	@Test
	void listsAnOrdersRefundsAndFindsOneByReference() {
		DemoOrder order = PaymentTestOrders.untouchedCapturedOrder("USD");
		String first = jsonOf(post("api-list-1", body(order, "1.00", "USD", "RET-LIST-1")))
			.get("id")
			.asString();
		String second = jsonOf(post("api-list-2", body(order, "2.00", "USD", "RET-LIST-2")))
			.get("id")
			.asString();

		JsonNode all = jsonOf(get(api, "?orderId={id}", order.orderNumber()));
		JsonNode byReference = jsonOf(get(api, "?orderId={id}&reference={ref}", order.orderNumber(), "RET-LIST-1"));
		JsonNode none = jsonOf(get(api, "?orderId={id}&reference={ref}", order.orderNumber(), "RET-NONE"));

		assertThat(all).hasSize(2);
		assertThat(all.get(0).get("id").asString()).isEqualTo(second);
		assertThat(byReference).hasSize(1);
		assertThat(byReference.get(0).get("id").asString()).isEqualTo(first);
		assertThat(none).isEmpty();
	}

	@Test
	void answersNotFoundForAnUnknownRefundOrAnOrderWithoutPayment() {
		ResponseEntity<String> unknownRefund = get(api, "/re_doesnotexist");
		ResponseEntity<String> unknownOrder = post("api-unknown-1",
				"{\"orderId\":\"WEB-999999\",\"amount\":{\"amount\":1.00,\"currency\":\"USD\"},\"reference\":\"R\"}");

		assertThat(unknownRefund.getStatusCode().value()).isEqualTo(404);
		assertThat(jsonOf(unknownRefund).get("type").asString()).isEqualTo(PROBLEMS + "not-found");
		assertThat(unknownOrder.getStatusCode().value()).isEqualTo(404);
	}

	@Test
	void answersUnavailableWithRetryAfterWhileTheProviderRateLimits() {
		DemoOrder order = PaymentTestOrders.untouchedCapturedOrder("USD");
		Sandbox.inject(Backend.PAYMENT, new Fault(0, 0, 429, true, null));

		ResponseEntity<String> limited = post("api-limited-1", body(order, "1.00", "USD", "RET-API-LIMITED"));

		assertThat(limited.getStatusCode().value()).isEqualTo(503);
		assertThat(limited.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isNotBlank();
		assertThat(jsonOf(limited).get("type").asString()).isEqualTo(PROBLEMS + "backend-unavailable");
		assertThat(effects.refundCount(order.paymentIntentId())).isZero();
	}

	static String body(DemoOrder order, String amount, String currency, String reference) {
		return """
				{"orderId":"%s","amount":{"amount":%s,"currency":"%s"},"reference":"%s","note":"test"}"""
			.formatted(order.orderNumber(), amount, currency, reference);
	}

	/** Every write the payment provider was sent, by anyone: a refused refund adds none. */
	private static long providerWrites() {
		return Sandbox.bean(RequestCounts.class).count(Backend.PAYMENT, "POST");
	}

	private ResponseEntity<String> post(String idempotencyKey, String body) {
		RestClient.RequestBodySpec request = api.post().contentType(MediaType.APPLICATION_JSON);
		if (idempotencyKey != null) {
			request.header("Idempotency-Key", idempotencyKey);
		}
		return request.body(body).retrieve().toEntity(String.class);
	}
}
