package io.retailhub.system.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.retailhub.contracts.Money;
import io.retailhub.contracts.OrderId;
import io.retailhub.contracts.Payment;
import io.retailhub.contracts.PaymentStatus;
import io.retailhub.contracts.Refund;
import io.retailhub.contracts.RefundStatus;
import io.retailhub.system.payment.StripePayloads.StripePaymentIntent;
import io.retailhub.system.payment.StripePayloads.StripeRefund;
import org.junit.jupiter.api.Test;

class StripePaymentAdapterTests {

	@Test
	void mapsPaymentIntentStatusAndRefundsToPaymentStatus() {
		assertThat(payment("succeeded", 10_000).status()).isEqualTo(PaymentStatus.CAPTURED);
		assertThat(payment("succeeded", 10_000, refund(2_500, "succeeded")).status())
			.isEqualTo(PaymentStatus.PARTIALLY_REFUNDED);
		assertThat(payment("succeeded", 10_000, refund(2_500, "succeeded"), refund(7_500, "pending")).status())
			.isEqualTo(PaymentStatus.REFUNDED);
		assertThat(payment("succeeded", 10_000, refund(10_000, "failed")).status()).isEqualTo(PaymentStatus.CAPTURED);
		assertThat(payment("requires_capture", 0).status()).isEqualTo(PaymentStatus.AUTHORIZED);
		assertThat(payment("processing", 0).status()).isEqualTo(PaymentStatus.PENDING);
		assertThat(payment("requires_payment_method", 0).status()).isEqualTo(PaymentStatus.PENDING);
		assertThat(payment("requires_action", 0).status()).isEqualTo(PaymentStatus.PENDING);
		assertThat(payment("canceled", 0).status()).isEqualTo(PaymentStatus.CANCELED);
	}

	@Test
	void countsPendingActionRequiringAndSucceededRefundsAsRefunded() {
		Payment payment = payment("succeeded", 10_000, refund(1_000, "succeeded"), refund(2_000, "pending"),
				refund(3_000, "requires_action"), refund(4_000, "failed"), refund(500, "canceled"));

		assertThat(payment.captured()).isEqualTo(Money.of("100.00", "USD"));
		assertThat(payment.refunded()).isEqualTo(Money.of("60.00", "USD"));
		assertThat(payment.refundable()).isEqualTo(Money.of("40.00", "USD"));
	}

	@Test
	void readsZeroDecimalCurrenciesAsTheyAre() {
		StripePaymentIntent yen = new StripePaymentIntent("pi_1", 5_000, 5_000, "jpy", "succeeded", "ch_1",
				Map.of("order_id", "WEB-1"), 1_700_000_000L);

		assertThat(StripePaymentAdapter.payment(yen, List.of()).captured()).isEqualTo(Money.of("5000", "JPY"));
	}

	@Test
	void mapsRefundFieldsAndStatuses() {
		StripeRefund stripe = new StripeRefund("re_1", 1_999, "eur", "requires_action", "pi_1", "ch_1",
				"requested_by_customer", null, Map.of("order_id", "WEB-1", "reference", "RET-9"), 1_700_000_000L);

		Refund refund = StripePaymentAdapter.refund(stripe, OrderId.of("WEB-1"));

		assertThat(refund.id().value()).isEqualTo("re_1");
		assertThat(refund.orderId()).isEqualTo(OrderId.of("WEB-1"));
		assertThat(refund.paymentReference()).isEqualTo("pi_1");
		assertThat(refund.reference()).isEqualTo("RET-9");
		assertThat(refund.amount()).isEqualTo(Money.of("19.99", "EUR"));
		assertThat(refund.status()).isEqualTo(RefundStatus.REQUIRES_ACTION);
		assertThat(refund.createdAt()).isEqualTo(Instant.ofEpochSecond(1_700_000_000L));
	}

	@Test
	void escapesQuotesAndBackslashesInSearchValues() {
		assertThat(StripePaymentAdapter.quoted("WEB-1'2\\3")).isEqualTo("WEB-1\\'2\\\\3");
	}

	private static Payment payment(String status, long received, StripeRefund... refunds) {
		StripePaymentIntent intent = new StripePaymentIntent("pi_1", 10_000, received, "usd", status, "ch_1",
				Map.of("order_id", "WEB-1"), 1_700_000_000L);
		return StripePaymentAdapter.payment(intent, List.of(refunds));
	}

	private static StripeRefund refund(long amount, String status) {
		return new StripeRefund("re_" + amount + status, amount, "usd", status, "pi_1", "ch_1", null,
				"failed".equals(status) ? "declined" : null, Map.of(), 1_700_000_000L);
	}
}
