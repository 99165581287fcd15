package io.retailhub.sandbox.backends.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.retailhub.sandbox.backends.data.DemoData;
import io.retailhub.sandbox.backends.data.DemoOrder;
import io.retailhub.sandbox.backends.data.DemoReturn;
import io.retailhub.sandbox.backends.faults.Backend;
import io.retailhub.sandbox.backends.faults.Fault;
import io.retailhub.sandbox.backends.faults.Faults;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/** The simulated Stripe API over HTTP: auth, form encoding, refunds rules, idempotency, lists and search. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "spring.config.name=sandbox")
class StripeApiIntegrationTests {

	static final String SECRET_KEY = "sk_test_sandbox";

	@LocalServerPort
	int port;

	@Autowired
	DemoData data;

	@Autowired
	PaymentEffects effects;

	@Autowired
	PaymentLedger ledger;

	@Autowired
	IdempotencyKeys idempotencyKeys;

	@Autowired
	Faults faults;

	@Autowired
	JsonMapper json;

	RestClient stripe;

	@BeforeEach
	void client() {
		stripe = RestClient.builder()
			.baseUrl("http://localhost:" + port + "/payment")
			.defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + SECRET_KEY)
			.defaultStatusHandler(status -> true, (request, response) -> {
			})
			.build();
	}

	@AfterEach
	void restore() {
		ledger.resetRefundBehavior();
		faults.clearAll();
	}

	@Test
	void createsARefundFromFormEncodedParametersWithBracketMetadata() {
		DemoOrder order = PaymentFixtures.untouchedCapturedOrder(data, "USD");
		long createdBefore = effects.count(PaymentEffects.REFUNDS_CREATED);

		ResponseEntity<String> response = post("/v1/refunds", null, "payment_intent=" + order.paymentIntentId()
				+ "&amount=1250&reason=requested_by_customer&metadata[order_id]=" + order.orderNumber()
				+ "&metadata%5Breference%5D=RET-1");

		assertThat(response.getStatusCode().value()).isEqualTo(200);
		JsonNode refund = json.readTree(response.getBody());
		assertThat(refund.get("id").asString()).startsWith("re_");
		assertThat(refund.get("object").asString()).isEqualTo("refund");
		assertThat(refund.get("amount").asLong()).isEqualTo(1250);
		assertThat(refund.get("currency").asString()).isEqualTo("usd");
		assertThat(refund.get("status").asString()).isEqualTo("succeeded");
		assertThat(refund.get("payment_intent").asString()).isEqualTo(order.paymentIntentId());
		assertThat(refund.get("charge").asString()).isEqualTo(order.chargeId());
		assertThat(refund.get("reason").asString()).isEqualTo("requested_by_customer");
		assertThat(refund.get("metadata").get("order_id").asString()).isEqualTo(order.orderNumber());
		assertThat(refund.get("metadata").get("reference").asString()).isEqualTo("RET-1");
		assertThat(refund.get("created").asLong()).isPositive();
		assertThat(refund.has("failure_reason")).isTrue();
		assertThat(effects.count(PaymentEffects.REFUNDS_CREATED)).isEqualTo(createdBefore + 1);
		assertThat(effects.refundedMinorUnits(order.paymentIntentId())).isEqualTo(1250);
	}

	@Test
	void refundsWhatIsLeftWhenNoAmountIsGivenAndThenRefusesAnotherRefund() {
		DemoOrder order = PaymentFixtures.untouchedCapturedOrder(data, "EUR");

		ResponseEntity<String> full = post("/v1/refunds", null, "charge=" + order.chargeId());
		ResponseEntity<String> again = post("/v1/refunds", null, "payment_intent=" + order.paymentIntentId());

		assertThat(json.readTree(full.getBody()).get("amount").asLong())
			.isEqualTo(PaymentFixtures.totalMinorUnits(order));
		assertThat(again.getStatusCode().value()).isEqualTo(400);
		assertThat(error(again).get("type").asString()).isEqualTo("invalid_request_error");
		assertThat(error(again).get("code").asString()).isEqualTo("charge_already_refunded");
	}

	@Test
	void refusesARefundLargerThanWhatIsLeftAndCreatesNothing() {
		DemoOrder order = PaymentFixtures.untouchedCapturedOrder(data, "USD");
		long total = PaymentFixtures.totalMinorUnits(order);
		post("/v1/refunds", null, "payment_intent=" + order.paymentIntentId() + "&amount=100");

		ResponseEntity<String> tooMuch = post("/v1/refunds", null,
				"payment_intent=" + order.paymentIntentId() + "&amount=" + (total - 99));

		assertThat(tooMuch.getStatusCode().value()).isEqualTo(400);
		assertThat(error(tooMuch).get("code").asString()).isEqualTo("amount_too_large");
		assertThat(error(tooMuch).get("param").asString()).isEqualTo("amount");
		assertThat(ledger.refundCount(order.paymentIntentId())).isEqualTo(1);
		assertThat(effects.refundedMinorUnits(order.paymentIntentId())).isEqualTo(100);
	}

	@Test
	void neverRefundsMoreThanWasCapturedUnderConcurrentRequests() throws Exception {
		DemoOrder order = PaymentFixtures.untouchedCapturedOrder(data, "USD");
		long total = PaymentFixtures.totalMinorUnits(order);
		long share = total / 4 + 1;
		int requests = 12;
		ExecutorService pool = Executors.newFixedThreadPool(requests);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Integer>> statuses = new ArrayList<>();
		try {
			for (int i = 0; i < requests; i++) {
				Callable<Integer> refund = () -> {
					start.await();
					return post("/v1/refunds", null, "payment_intent=" + order.paymentIntentId() + "&amount=" + share)
						.getStatusCode()
						.value();
				};
				statuses.add(pool.submit(refund));
			}
			start.countDown();
			int succeeded = 0;
			for (Future<Integer> status : statuses) {
				succeeded += status.get() == 200 ? 1 : 0;
			}

			assertThat(succeeded).isEqualTo(3);
			assertThat(effects.refundedMinorUnits(order.paymentIntentId())).isEqualTo(3 * share).isLessThanOrEqualTo(total);
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void refusesInvalidParametersInStripesDialect() {
		DemoOrder order = PaymentFixtures.untouchedCapturedOrder(data, "USD");
		String intent = "payment_intent=" + order.paymentIntentId();

		assertThat(error(post("/v1/refunds", null, intent + "&amount=12.50")).get("code").asString())
			.isEqualTo("parameter_invalid_integer");
		assertThat(error(post("/v1/refunds", null, intent + "&amount=0")).get("code").asString())
			.isEqualTo("parameter_invalid_integer");
		assertThat(error(post("/v1/refunds", null, intent + "&amount=-5")).get("code").asString())
			.isEqualTo("parameter_invalid_integer");
		assertThat(error(post("/v1/refunds", null, intent + "&colour=red")).get("code").asString())
			.isEqualTo("parameter_unknown");
		assertThat(error(post("/v1/refunds", null, "amount=100")).get("code").asString()).isEqualTo("parameter_missing");
		assertThat(error(post("/v1/refunds", null, intent + "&reason=because")).get("param").asString())
			.isEqualTo("reason");
		assertThat(ledger.refundCount(order.paymentIntentId())).isZero();
	}

	@Test
	void answersUnknownPaymentIntentsAndRefundsWithResourceMissing() {
		ResponseEntity<String> create = post("/v1/refunds", null, "payment_intent=pi_doesnotexist");
		ResponseEntity<String> retrieve = get("/v1/refunds/re_doesnotexist");
		ResponseEntity<String> intent = get("/v1/payment_intents/pi_doesnotexist");

		assertThat(create.getStatusCode().value()).isEqualTo(404);
		assertThat(error(create).get("code").asString()).isEqualTo("resource_missing");
		assertThat(retrieve.getStatusCode().value()).isEqualTo(404);
		assertThat(intent.getStatusCode().value()).isEqualTo(404);
		assertThat(error(intent).get("type").asString()).isEqualTo("invalid_request_error");
	}

	@Test
	void refusesToRefundAPaymentThatIsOnlyAuthorized() {
		DemoOrder open = PaymentFixtures.uncapturedOrder(data);

		JsonNode intent = json.readTree(get("/v1/payment_intents/" + open.paymentIntentId()).getBody());
		ResponseEntity<String> refund = post("/v1/refunds", null, "payment_intent=" + open.paymentIntentId());

		assertThat(intent.get("status").asString()).isEqualTo("requires_capture");
		assertThat(intent.get("amount_received").asLong()).isZero();
		assertThat(refund.getStatusCode().value()).isEqualTo(400);
		assertThat(error(refund).get("code").asString()).isEqualTo("payment_intent_unexpected_state");
	}

	@Test
	void refusesRequestsWithoutTheSecretKeyAndAcceptsItAsBasicUser() {
		RestClient anonymous = RestClient.builder()
			.baseUrl("http://localhost:" + port + "/payment")
			.defaultStatusHandler(status -> true, (request, response) -> {
			})
			.build();
		String basic = "Basic " + Base64.getEncoder().encodeToString((SECRET_KEY + ":").getBytes(StandardCharsets.UTF_8));
		String intent = "/v1/payment_intents/" + data.order(DemoData.Showcase.DELIVERED_ORDER).paymentIntentId();

		ResponseEntity<String> none = anonymous.get().uri(intent).retrieve().toEntity(String.class);
		ResponseEntity<String> wrong = anonymous.get()
			.uri(intent)
			.header(HttpHeaders.AUTHORIZATION, "Bearer sk_test_wrong")
			.retrieve()
			.toEntity(String.class);
		ResponseEntity<String> asUser = anonymous.get()
			.uri(intent)
			.header(HttpHeaders.AUTHORIZATION, basic)
			.retrieve()
			.toEntity(String.class);

		assertThat(none.getStatusCode().value()).isEqualTo(401);
		assertThat(error(none).get("type").asString()).isEqualTo("invalid_request_error");
		assertThat(none.getHeaders().getFirst("Request-Id")).startsWith("req_");
		assertThat(wrong.getStatusCode().value()).isEqualTo(401);
		assertThat(error(wrong).get("message").asString()).doesNotContain("sk_test_wrong");
		assertThat(asUser.getStatusCode().value()).isEqualTo(200);
	}

	@Test
	void givesEveryResponseARequestIdEvenAnInjectedFailure() {
		String intent = "/v1/payment_intents/" + data.order(DemoData.Showcase.DELIVERED_ORDER).paymentIntentId();
		ResponseEntity<String> ok = get(intent);
		faults.inject(Backend.PAYMENT, new Fault(0, 0, 503, true, null));

		ResponseEntity<String> down = get(intent);

		assertThat(ok.getHeaders().getFirst("Request-Id")).startsWith("req_");
		assertThat(down.getStatusCode().value()).isEqualTo(503);
		assertThat(down.getHeaders().getFirst("Request-Id")).startsWith("req_")
			.isNotEqualTo(ok.getHeaders().getFirst("Request-Id"));
	}

	@Test
	void replaysTheFirstAnswerByteForByteForTheSameKeyAndParameters() {
		DemoOrder order = PaymentFixtures.untouchedCapturedOrder(data, "USD");
		String form = "payment_intent=" + order.paymentIntentId() + "&amount=500&metadata[reference]=RET-7";
		long replayedBefore = effects.count(PaymentEffects.REFUNDS_REPLAYED);

		ResponseEntity<String> first = post("/v1/refunds", "key-replay-1", form);
		ResponseEntity<String> second = post("/v1/refunds", "key-replay-1", form);

		assertThat(second.getStatusCode()).isEqualTo(first.getStatusCode());
		assertThat(second.getBody()).isEqualTo(first.getBody());
		assertThat(first.getHeaders().getFirst("Idempotent-Replayed")).isNull();
		assertThat(second.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
		assertThat(second.getHeaders().getFirst("Request-Id")).isNotEqualTo(first.getHeaders().getFirst("Request-Id"));
		assertThat(ledger.refundCount(order.paymentIntentId())).isEqualTo(1);
		assertThat(effects.count(PaymentEffects.REFUNDS_REPLAYED)).isEqualTo(replayedBefore + 1);
	}

	@Test
	void refusesAKeyReusedWithOtherParametersOrOnAnotherEndpoint() {
		DemoOrder order = PaymentFixtures.untouchedCapturedOrder(data, "USD");
		String intent = "payment_intent=" + order.paymentIntentId();
		long conflictsBefore = effects.count(PaymentEffects.IDEMPOTENCY_CONFLICTS);
		String refundId = json.readTree(post("/v1/refunds", "key-reuse-1", intent + "&amount=300").getBody())
			.get("id")
			.asString();

		ResponseEntity<String> otherParameters = post("/v1/refunds", "key-reuse-1", intent + "&amount=301");
		ResponseEntity<String> otherEndpoint = post("/v1/refunds/" + refundId + "/cancel", "key-reuse-1", "");

		assertThat(otherParameters.getStatusCode().value()).isEqualTo(400);
		assertThat(error(otherParameters).get("type").asString()).isEqualTo("idempotency_error");
		assertThat(otherEndpoint.getStatusCode().value()).isEqualTo(400);
		assertThat(error(otherEndpoint).get("type").asString()).isEqualTo("invalid_request_error");
		assertThat(error(otherEndpoint).get("message").asString()).contains("same endpoint");
		assertThat(ledger.refundCount(order.paymentIntentId())).isEqualTo(1);
		assertThat(effects.count(PaymentEffects.IDEMPOTENCY_CONFLICTS)).isEqualTo(conflictsBefore + 2);
	}

	@Test
	void savesARefusalOnceExecutedButNotAFailedValidation() {
		DemoOrder order = PaymentFixtures.untouchedCapturedOrder(data, "USD");
		String intent = "payment_intent=" + order.paymentIntentId();
		long total = PaymentFixtures.totalMinorUnits(order);

		ResponseEntity<String> invalid = post("/v1/refunds", "key-saved-1", intent + "&amount=abc");
		ResponseEntity<String> corrected = post("/v1/refunds", "key-saved-1", intent + "&amount=100");
		ResponseEntity<String> tooLarge = post("/v1/refunds", "key-saved-2", intent + "&amount=" + total);
		ResponseEntity<String> tooLargeAgain = post("/v1/refunds", "key-saved-2", intent + "&amount=" + total);

		assertThat(invalid.getStatusCode().value()).isEqualTo(400);
		assertThat(corrected.getStatusCode().value()).isEqualTo(200);
		assertThat(tooLarge.getStatusCode().value()).isEqualTo(400);
		assertThat(tooLargeAgain.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
		assertThat(tooLargeAgain.getBody()).isEqualTo(tooLarge.getBody());
	}

	@Test
	void runsARequestAnewAfterTheKeysWereForgotten() {
		DemoOrder order = PaymentFixtures.untouchedCapturedOrder(data, "USD");
		String form = "payment_intent=" + order.paymentIntentId() + "&amount=200";
		post("/v1/refunds", "key-forgotten-1", form);

		idempotencyKeys.forgetAll();
		ResponseEntity<String> again = post("/v1/refunds", "key-forgotten-1", form);

		assertThat(again.getHeaders().getFirst("Idempotent-Replayed")).isNull();
		assertThat(ledger.refundCount(order.paymentIntentId())).isEqualTo(2);
	}

	@Test
	void listsAPaymentsRefundsNewestFirstPageByPage() {
		DemoOrder order = PaymentFixtures.untouchedCapturedOrder(data, "USD");
		List<String> created = new ArrayList<>();
		for (int amount = 101; amount <= 103; amount++) {
			created.add(json
				.readTree(post("/v1/refunds", null, "payment_intent=" + order.paymentIntentId() + "&amount=" + amount)
					.getBody())
				.get("id")
				.asString());
		}

		JsonNode first = json.readTree(get("/v1/refunds?payment_intent=" + order.paymentIntentId() + "&limit=2").getBody());
		String last = first.get("data").get(1).get("id").asString();
		JsonNode second = json.readTree(
				get("/v1/refunds?payment_intent=" + order.paymentIntentId() + "&limit=2&starting_after=" + last).getBody());

		assertThat(first.get("object").asString()).isEqualTo("list");
		assertThat(first.get("url").asString()).isEqualTo("/v1/refunds");
		assertThat(first.get("has_more").asBoolean()).isTrue();
		assertThat(first.get("data").get(0).get("id").asString()).isEqualTo(created.get(2));
		assertThat(last).isEqualTo(created.get(1));
		assertThat(second.get("has_more").asBoolean()).isFalse();
		assertThat(second.get("data").get(0).get("id").asString()).isEqualTo(created.get(0));
	}

	@Test
	void listsTheRefundsOfAChargeNewestFirstAndNoneOfAnUnknownCharge() {
		DemoOrder order = PaymentFixtures.untouchedCapturedOrder(data, "EUR");
		String older = json.readTree(post("/v1/refunds", null, "charge=" + order.chargeId() + "&amount=100").getBody())
			.get("id")
			.asString();
		String newer = json.readTree(post("/v1/refunds", null, "charge=" + order.chargeId() + "&amount=200").getBody())
			.get("id")
			.asString();

		JsonNode refunds = json.readTree(get("/v1/refunds?charge=" + order.chargeId()).getBody());
		JsonNode none = json.readTree(get("/v1/refunds?charge=ch_doesnotexist").getBody());

		assertThat(refunds.get("data").valueStream().map(r -> r.get("id").asString()).toList())
			.containsExactly(newer, older);
		assertThat(refunds.get("data").valueStream().map(r -> r.get("charge").asString()).distinct().toList())
			.containsExactly(order.chargeId());
		assertThat(none.get("object").asString()).isEqualTo("list");
		assertThat(none.get("data")).isEmpty();
	}

	@Test
	void seedsARefundForEveryDemoReturn() {
		DemoOrder order = PaymentFixtures.partlyRefundedOrder(data);
		DemoReturn demoReturn = order.returns().get(0);

		JsonNode refund = json.readTree(get("/v1/refunds/" + demoReturn.refundId()).getBody());

		assertThat(refund.get("status").asString()).isEqualTo("succeeded");
		assertThat(refund.get("amount").asLong()).isEqualTo(demoReturn.refundAmount().movePointRight(2).longValueExact());
		assertThat(refund.get("currency").asString()).isEqualTo("eur");
		assertThat(refund.get("payment_intent").asString()).isEqualTo(order.paymentIntentId());
		assertThat(refund.get("metadata").get("reference").asString()).isEqualTo(demoReturn.reference());
		assertThat(refund.get("created").asLong()).isEqualTo(demoReturn.returnedAt().getEpochSecond());
	}

	@Test
	void findsAnOrdersPaymentIntentBySearchingItsMetadata() {
		DemoOrder order = data.order(DemoData.Showcase.DELIVERED_ORDER);

		ResponseEntity<String> response = get("/v1/payment_intents/search?query={q}",
				"metadata['order_id']:'" + order.orderNumber() + "'");
		ResponseEntity<String> unsupported = get("/v1/payment_intents/search?query={q}", "amount>1000");

		JsonNode result = json.readTree(response.getBody());
		assertThat(result.get("object").asString()).isEqualTo("search_result");
		assertThat(result.get("url").asString()).isEqualTo("/v1/payment_intents/search");
		assertThat(result.get("has_more").asBoolean()).isFalse();
		assertThat(result.get("next_page").isNull()).isTrue();
		assertThat(result.get("data")).hasSize(1);
		JsonNode intent = result.get("data").get(0);
		assertThat(intent.get("id").asString()).isEqualTo(order.paymentIntentId());
		assertThat(intent.get("object").asString()).isEqualTo("payment_intent");
		assertThat(intent.get("amount").asLong()).isEqualTo(PaymentFixtures.totalMinorUnits(order));
		assertThat(intent.get("amount_received").asLong()).isEqualTo(PaymentFixtures.totalMinorUnits(order));
		assertThat(intent.get("currency").asString()).isEqualTo("usd");
		assertThat(intent.get("status").asString()).isEqualTo("succeeded");
		assertThat(intent.get("latest_charge").asString()).isEqualTo(order.chargeId());
		assertThat(intent.get("customer").asString())
			.isEqualTo(data.customer(order.customerNumber()).paymentCustomerId());
		assertThat(intent.get("created").asLong()).isEqualTo(order.placedAt().getEpochSecond());
		assertThat(unsupported.getStatusCode().value()).isEqualTo(400);
		assertThat(error(unsupported).get("param").asString()).isEqualTo("query");
	}

	@Test
	void startsRefundsAsConfiguredAndSettlesPendingOnes() {
		DemoOrder order = PaymentFixtures.untouchedCapturedOrder(data, "USD");
		long total = PaymentFixtures.totalMinorUnits(order);
		ledger.refundBehavior(RefundBehavior.pending());

		JsonNode pending = json.readTree(post("/v1/refunds", null, "payment_intent=" + order.paymentIntentId()).getBody());
		ResponseEntity<String> whilePending = post("/v1/refunds", null, "payment_intent=" + order.paymentIntentId());
		ledger.settleRefund(pending.get("id").asString(), "failed", "expired_or_canceled_card");
		JsonNode failed = json.readTree(get("/v1/refunds/" + pending.get("id").asString()).getBody());

		assertThat(pending.get("status").asString()).isEqualTo("pending");
		assertThat(pending.get("amount").asLong()).isEqualTo(total);
		assertThat(error(whilePending).get("code").asString()).isEqualTo("charge_already_refunded");
		assertThat(failed.get("status").asString()).isEqualTo("failed");
		assertThat(failed.get("failure_reason").asString()).isEqualTo("expired_or_canceled_card");
		assertThat(effects.refundedMinorUnits(order.paymentIntentId())).isZero();
	}

	@Test
	void cancelsOnlyRefundsThatRequireAction() {
		DemoOrder order = PaymentFixtures.untouchedCapturedOrder(data, "USD");
		ledger.refundBehavior(new RefundBehavior("requires_action", null, 0L));
		String waiting = json.readTree(post("/v1/refunds", null, "payment_intent=" + order.paymentIntentId() + "&amount=100")
			.getBody()).get("id").asString();
		ledger.resetRefundBehavior();
		String succeeded = json.readTree(post("/v1/refunds", null, "payment_intent=" + order.paymentIntentId() + "&amount=100")
			.getBody()).get("id").asString();

		ResponseEntity<String> canceled = post("/v1/refunds/" + waiting + "/cancel", null, "");
		ResponseEntity<String> refused = post("/v1/refunds/" + succeeded + "/cancel", null, "");

		assertThat(json.readTree(canceled.getBody()).get("status").asString()).isEqualTo("canceled");
		assertThat(refused.getStatusCode().value()).isEqualTo(400);
		assertThat(effects.refundedMinorUnits(order.paymentIntentId())).isEqualTo(100);
	}

	@Test
	void steersRefundsThroughTheAdminApi() {
		DemoOrder order = PaymentFixtures.untouchedCapturedOrder(data, "USD");
		RestClient admin = RestClient.builder()
			.baseUrl("http://localhost:" + port + "/admin/payment")
			.defaultStatusHandler(status -> true, (request, response) -> {
			})
			.build();

		ResponseEntity<String> set = admin.put()
			.uri("/refund-behavior")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"initialStatus\":\"pending\"}")
			.retrieve()
			.toEntity(String.class);
		String refundId = json.readTree(post("/v1/refunds", null, "payment_intent=" + order.paymentIntentId() + "&amount=100")
			.getBody()).get("id").asString();
		ResponseEntity<String> settled = admin.post()
			.uri("/refunds/{id}/settle", refundId)
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"status\":\"succeeded\"}")
			.retrieve()
			.toEntity(String.class);
		ResponseEntity<String> settledAgain = admin.post()
			.uri("/refunds/{id}/settle", refundId)
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"status\":\"failed\"}")
			.retrieve()
			.toEntity(String.class);
		ResponseEntity<String> nonsense = admin.put()
			.uri("/refund-behavior")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"initialStatus\":\"teleported\"}")
			.retrieve()
			.toEntity(String.class);

		assertThat(set.getStatusCode().value()).isEqualTo(200);
		assertThat(json.readTree(settled.getBody()).get("status").asString()).isEqualTo("succeeded");
		assertThat(settledAgain.getStatusCode().value()).isEqualTo(409);
		assertThat(nonsense.getStatusCode().value()).isEqualTo(400);
		assertThat(ledger.refundBehavior().initialStatus()).isEqualTo("pending");
	}

	@Test
	void aRefundWhoseAnswerIsHeldBackExistsBeforeTheCallerHearsOfItWhileReadsAreAnsweredAtOnce() {
		// given a provider that answers every write five seconds after carrying it out
		DemoOrder order = PaymentFixtures.untouchedCapturedOrder(data, "USD");
		long createdBefore = effects.count(PaymentEffects.REFUNDS_CREATED);
		faults.inject(Backend.PAYMENT, new Fault(0, 0, null, false, null, 5_000));

		// when a refund is asked for
		CompletableFuture<ResponseEntity<String>> refund = CompletableFuture
			.supplyAsync(() -> post("/v1/refunds", null, "payment_intent=" + order.paymentIntentId() + "&amount=100"));

		// then the refund exists while its answer is still on its way, and a read is answered meanwhile
		await().atMost(Duration.ofSeconds(4)).until(() -> effects.count(PaymentEffects.REFUNDS_CREATED) > createdBefore);
		ResponseEntity<String> read = get("/v1/payment_intents/{id}", order.paymentIntentId());
		assertThat(refund).as("the answer of a write held back five seconds").isNotDone();
		assertThat(read.getStatusCode().value()).isEqualTo(200);
		assertThat(refund.join().getStatusCode().value()).isEqualTo(200);
		assertThat(refund.join().getBody()).contains("\"payment_intent\":\"" + order.paymentIntentId() + "\"");
	}

	private ResponseEntity<String> post(String path, String idempotencyKey, String form) {
		RestClient.RequestBodySpec request = stripe.post().uri(path).contentType(MediaType.APPLICATION_FORM_URLENCODED);
		if (idempotencyKey != null) {
			request.header("Idempotency-Key", idempotencyKey);
		}
		return request.body(form).retrieve().toEntity(String.class);
	}

	private ResponseEntity<String> get(String path, Object... variables) {
		return stripe.get().uri(path, variables).retrieve().toEntity(String.class);
	}

	private JsonNode error(ResponseEntity<String> response) {
		return json.readTree(response.getBody()).get("error");
	}
}
