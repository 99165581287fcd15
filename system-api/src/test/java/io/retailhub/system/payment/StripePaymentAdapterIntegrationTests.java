package io.retailhub.system.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.retailhub.contracts.Money;
import io.retailhub.contracts.OrderId;
import io.retailhub.contracts.Payment;
import io.retailhub.contracts.PaymentStatus;
import io.retailhub.contracts.Refund;
import io.retailhub.contracts.RefundId;
import io.retailhub.contracts.RefundStatus;
import io.retailhub.contracts.commands.CreateRefund;
import io.retailhub.sandbox.backends.data.DemoOrder;
import io.retailhub.sandbox.backends.data.DemoReturn;
import io.retailhub.sandbox.backends.faults.Backend;
import io.retailhub.sandbox.backends.faults.Fault;
import io.retailhub.sandbox.backends.faults.RequestCounts;
import io.retailhub.sandbox.backends.payment.PaymentEffects;
import io.retailhub.sandbox.backends.payment.PaymentLedger;
import io.retailhub.sandbox.backends.payment.RefundBehavior;
import io.retailhub.system.backend.BackendCalls;
import io.retailhub.system.backend.BackendRejectedException;
import io.retailhub.system.backend.BackendRestClients;
import io.retailhub.system.backend.BackendUnavailableException;
import io.retailhub.system.backend.ResourceNotFoundException;
import io.retailhub.system.support.Sandbox;
import io.retailhub.system.support.SystemApiIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

/** The payment adapter over real HTTP against the simulated Stripe account. */
@SystemApiIntegrationTest
class StripePaymentAdapterIntegrationTests {

	@Autowired
	StripePaymentAdapter adapter;

	@Autowired
	BackendRestClients restClients;

	@Autowired
	BackendCalls backendCalls;

	final PaymentEffects effects = Sandbox.bean(PaymentEffects.class);

	final PaymentLedger ledger = Sandbox.bean(PaymentLedger.class);

	@AfterEach
	void resetRefundBehavior() {
		ledger.resetRefundBehavior();
	}

	@Test
	void mapsACapturedPaymentFromTheDemoOrder() {
		DemoOrder order = PaymentTestOrders.untouchedCapturedOrder("USD");

		Payment payment = adapter.findPayment(OrderId.of(order.orderNumber())).orElseThrow();

		assertThat(payment.reference()).isEqualTo(order.paymentIntentId());
		assertThat(payment.status()).isEqualTo(PaymentStatus.CAPTURED);
		assertThat(payment.captured()).isEqualTo(Money.of(order.total(), "USD"));
		assertThat(payment.refunded()).isEqualTo(Money.of("0", "USD"));
	}

	@Test
	void mapsAPaymentWithSeededRefundsAsPartlyRefunded() {
		DemoOrder order = PaymentTestOrders.seededRefundedOrder();
		BigDecimal refunded = order.returns().stream().map(DemoReturn::refundAmount).reduce(BigDecimal.ZERO,
				BigDecimal::add);

		Payment payment = adapter.findPayment(OrderId.of(order.orderNumber())).orElseThrow();

		assertThat(payment.status()).isEqualTo(PaymentStatus.PARTIALLY_REFUNDED);
		assertThat(payment.captured()).isEqualTo(Money.of(order.total(), order.currency()));
		assertThat(payment.refunded()).isEqualTo(Money.of(refunded, order.currency()));
	}

	@Test
	void mapsThePaymentOfAnOrderNotShippedYetAsAuthorized() {
		DemoOrder order = PaymentTestOrders.uncapturedOrder();

		Payment payment = adapter.findPayment(OrderId.of(order.orderNumber())).orElseThrow();

		assertThat(payment.status()).isEqualTo(PaymentStatus.AUTHORIZED);
		assertThat(payment.captured().isZero()).isTrue();
	}

	@Test
	void findsNoPaymentAndNoRefundsForAnUnknownOrder() {
		assertThat(adapter.findPayment(OrderId.of("WEB-999999"))).isEmpty();
		assertThat(adapter.findRefundsOfOrder(OrderId.of("WEB-999999"))).isEmpty();
		assertThat(adapter.findRefund(RefundId.of("re_doesnotexist"))).isEmpty();
	}

	@Test
	void mapsSeededRefundsFieldByField() {
		DemoOrder order = PaymentTestOrders.seededRefundedOrder();
		DemoReturn seeded = order.returns().get(0);
		OrderId orderId = OrderId.of(order.orderNumber());

		List<Refund> refunds = adapter.findRefundsOfOrder(orderId);
		Optional<Refund> byId = adapter.findRefund(RefundId.of(seeded.refundId()));

		Refund expected = new Refund(RefundId.of(seeded.refundId()), orderId, order.paymentIntentId(),
				seeded.reference(), Money.of(seeded.refundAmount(), order.currency()), RefundStatus.SUCCEEDED, null,
				seeded.returnedAt());
		assertThat(refunds).contains(expected);
		assertThat(byId).contains(expected);
		assertThat(adapter.findRefundByReference(orderId, seeded.reference())).contains(expected);
	}

	@Test
	void createsARefundThatIsFoundAgainByItsReference() {
		DemoOrder order = PaymentTestOrders.untouchedCapturedOrder("EUR");
		OrderId orderId = OrderId.of(order.orderNumber());
		CreateRefund command = new CreateRefund(orderId, Money.of("12.34", "EUR"), "RET-ADAPTER-1", "damaged");

		Refund created = adapter.createRefund(command, "adapter-create-1");

		assertThat(created.id().value()).startsWith("re_");
		assertThat(created.orderId()).isEqualTo(orderId);
		assertThat(created.paymentReference()).isEqualTo(order.paymentIntentId());
		assertThat(created.reference()).isEqualTo("RET-ADAPTER-1");
		assertThat(created.amount()).isEqualTo(Money.of("12.34", "EUR"));
		assertThat(created.status()).isEqualTo(RefundStatus.SUCCEEDED);
		assertThat(created.createdAt()).isNotNull();
		assertThat(adapter.findRefundByReference(orderId, "RET-ADAPTER-1")).contains(created);
		assertThat(adapter.findRefundByReference(orderId, "RET-OTHER")).isEmpty();
		assertThat(adapter.findPayment(orderId).orElseThrow().status()).isEqualTo(PaymentStatus.PARTIALLY_REFUNDED);
	}

	@Test
	void findsByReferenceTheRefundThatHoldsMoneyRatherThanANewerFailedOne() {
		DemoOrder order = PaymentTestOrders.untouchedCapturedOrder("USD");
		OrderId orderId = OrderId.of(order.orderNumber());
		Refund succeeded = adapter.createRefund(new CreateRefund(orderId, Money.of("2.00", "USD"), "RET-SAME", null),
				"adapter-same-ref-1");
		ledger.refundBehavior(RefundBehavior.failing("declined"));
		Refund failed = adapter.createRefund(new CreateRefund(orderId, Money.of("2.00", "USD"), "RET-SAME", null),
				"adapter-same-ref-2");

		assertThat(failed.status()).isEqualTo(RefundStatus.FAILED);
		assertThat(adapter.findRefundsOfOrder(orderId)).extracting(Refund::id).containsExactly(failed.id(), succeeded.id());
		assertThat(adapter.findRefundByReference(orderId, "RET-SAME")).contains(succeeded);
	}

	@Test
	void createsOneRefundAtTheProviderWhenTheSameKeyIsSentTwice() {
		DemoOrder order = PaymentTestOrders.untouchedCapturedOrder("USD");
		CreateRefund command = new CreateRefund(OrderId.of(order.orderNumber()), Money.of("5.00", "USD"), "RET-TWICE",
				null);
		long createdBefore = effects.count(PaymentEffects.REFUNDS_CREATED);
		long replayedBefore = effects.count(PaymentEffects.REFUNDS_REPLAYED);

		Refund first = adapter.createRefund(command, "adapter-twice-1");
		Refund second = adapter.createRefund(command, "adapter-twice-1");

		assertThat(second).isEqualTo(first);
		assertThat(effects.count(PaymentEffects.REFUNDS_CREATED)).isEqualTo(createdBefore + 1);
		assertThat(effects.count(PaymentEffects.REFUNDS_REPLAYED)).isEqualTo(replayedBefore + 1);
		assertThat(effects.refundCount(order.paymentIntentId())).isEqualTo(1);
		assertThat(effects.refundedMinorUnits(order.paymentIntentId())).isEqualTo(500);
	}

	@Test
	void reportsAKeyReusedForAnotherRefundAsAnIdempotencyConflict() {
		DemoOrder order = PaymentTestOrders.untouchedCapturedOrder("USD");
		OrderId orderId = OrderId.of(order.orderNumber());
		adapter.createRefund(new CreateRefund(orderId, Money.of("5.00", "USD"), "RET-A", null), "adapter-reuse-1");

		assertThatThrownBy(() -> adapter.createRefund(new CreateRefund(orderId, Money.of("6.00", "USD"), "RET-A", null),
				"adapter-reuse-1"))
			.isInstanceOfSatisfying(BackendRejectedException.class, ex -> {
				assertThat(ex.status()).isEqualTo(409);
				assertThat(ex.code()).isEqualTo("idempotency_error");
			});
		assertThat(effects.refundCount(order.paymentIntentId())).isEqualTo(1);
	}

	@Test
	void reportsAnOverRefundAsARejectionAndCreatesNothing() {
		DemoOrder order = PaymentTestOrders.untouchedCapturedOrder("USD");
		Money tooMuch = Money.of(order.total(), "USD").plus(Money.of("0.01", "USD"));

		assertThatThrownBy(() -> adapter.createRefund(
				new CreateRefund(OrderId.of(order.orderNumber()), tooMuch, "RET-TOO-MUCH", null), "adapter-too-much-1"))
			.isInstanceOfSatisfying(BackendRejectedException.class, ex -> {
				assertThat(ex.status()).isEqualTo(400);
				assertThat(ex.code()).isEqualTo("amount_too_large");
			});
		assertThat(effects.refundCount(order.paymentIntentId())).isZero();
	}

	@Test
	void refusesARefundInAnotherCurrencyBeforeAskingTheProvider() {
		DemoOrder order = PaymentTestOrders.untouchedCapturedOrder("USD");
		long createdBefore = effects.count(PaymentEffects.REFUNDS_CREATED);

		assertThatThrownBy(() -> adapter.createRefund(
				new CreateRefund(OrderId.of(order.orderNumber()), Money.of("5.00", "EUR"), "RET-EUR", null),
				"adapter-currency-1"))
			.isInstanceOf(IllegalArgumentException.class);
		assertThat(effects.count(PaymentEffects.REFUNDS_CREATED)).isEqualTo(createdBefore);
	}

	@Test
	void reportsAnOrderWithoutPaymentAsNotFound() {
		assertThatThrownBy(() -> adapter.createRefund(
				new CreateRefund(OrderId.of("WEB-999999"), Money.of("5.00", "USD"), "RET-NONE", null), "adapter-none-1"))
			.isInstanceOf(ResourceNotFoundException.class);
	}

	@Test
	void followsAPendingRefundUntilItFails() {
		DemoOrder order = PaymentTestOrders.untouchedCapturedOrder("USD");
		OrderId orderId = OrderId.of(order.orderNumber());
		ledger.refundBehavior(RefundBehavior.pending());

		Refund pending = adapter.createRefund(new CreateRefund(orderId, Money.of("7.00", "USD"), "RET-PENDING", null),
				"adapter-pending-1");
		Payment whilePending = adapter.findPayment(orderId).orElseThrow();
		ledger.settleRefund(pending.id().value(), "failed", "declined");
		Refund failed = adapter.findRefund(pending.id()).orElseThrow();

		assertThat(pending.status()).isEqualTo(RefundStatus.PENDING);
		assertThat(whilePending.refunded()).isEqualTo(Money.of("7.00", "USD"));
		assertThat(failed.status()).isEqualTo(RefundStatus.FAILED);
		assertThat(failed.failureReason()).isEqualTo("declined");
		assertThat(adapter.findPayment(orderId).orElseThrow().status()).isEqualTo(PaymentStatus.CAPTURED);
	}

	@Test
	void treatsRateLimitingAsTransientAndRetries() {
		DemoOrder order = PaymentTestOrders.untouchedCapturedOrder("USD");
		RequestCounts requests = Sandbox.bean(RequestCounts.class);
		long before = requests.count(Backend.PAYMENT, "GET");
		Sandbox.inject(Backend.PAYMENT, new Fault(0, 0, 429, true, null));

		assertThatThrownBy(() -> adapter.findPayment(OrderId.of(order.orderNumber())))
			.isInstanceOf(BackendUnavailableException.class);
		assertThat(requests.count(Backend.PAYMENT, "GET")).isEqualTo(before + 3);
	}

	@Test
	void succeedsOnRetryOnceTheRateLimitLifts() throws Exception {
		DemoOrder order = PaymentTestOrders.untouchedCapturedOrder("USD");
		RequestCounts requests = Sandbox.bean(RequestCounts.class);
		long before = requests.count(Backend.PAYMENT, "GET");
		Sandbox.inject(Backend.PAYMENT, new Fault(0, 0, 429, true, null));

		CompletableFuture<Optional<Payment>> lookup = CompletableFuture
			.supplyAsync(() -> adapter.findPayment(OrderId.of(order.orderNumber())));
		await().pollInterval(Duration.ofMillis(5))
			.atMost(Duration.ofSeconds(5))
			.until(() -> requests.count(Backend.PAYMENT, "GET") > before);
		Sandbox.heal();

		assertThat(lookup.get(5, TimeUnit.SECONDS)).map(Payment::reference).contains(order.paymentIntentId());
	}

	@Test
	void refusesToWorkWithAWrongSecretKey() {
		StripePaymentAdapter misconfigured = new StripePaymentAdapter(new PaymentSettings(
				Sandbox.baseUrl(Backend.PAYMENT), "sk_test_wrong", Duration.ofSeconds(1), Duration.ofSeconds(5)),
				restClients, backendCalls);

		assertThatThrownBy(() -> misconfigured.findPayment(OrderId.of("WEB-100001")))
			.isInstanceOfSatisfying(BackendRejectedException.class, ex -> {
				assertThat(ex.status()).isEqualTo(401);
				assertThat(ex.code()).isEqualTo("unauthorized");
			});
	}
}
