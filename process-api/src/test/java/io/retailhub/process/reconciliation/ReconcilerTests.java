package io.retailhub.process.reconciliation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.retailhub.contracts.CreditMemo;
import io.retailhub.contracts.CreditMemoId;
import io.retailhub.contracts.CustomerId;
import io.retailhub.contracts.Money;
import io.retailhub.contracts.Order;
import io.retailhub.contracts.OrderId;
import io.retailhub.contracts.OrderLine;
import io.retailhub.contracts.OrderStatus;
import io.retailhub.contracts.Refund;
import io.retailhub.contracts.RefundId;
import io.retailhub.contracts.RefundStatus;
import io.retailhub.contracts.ReturnAuthorization;
import io.retailhub.contracts.ReturnAuthorizationId;
import io.retailhub.contracts.ReturnAuthorizationStatus;
import io.retailhub.contracts.ReturnLine;
import io.retailhub.contracts.ReturnReason;
import io.retailhub.contracts.ReturnReceipt;
import io.retailhub.contracts.SalesChannel;
import io.retailhub.contracts.Shipment;
import io.retailhub.contracts.ShipmentId;
import io.retailhub.contracts.ShipmentLine;
import io.retailhub.contracts.ShipmentStatus;
import io.retailhub.contracts.Sku;
import io.retailhub.contracts.events.ReturnReceived;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reconciliation's rules on one order: two lines (2 x 20.00 and 1 x 50.00 USD, 90.00 in all),
 * both shipped; what came back, what was refunded and credited varies per test.
 */
class ReconcilerTests {

	static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");

	final Reconciler reconciler = new Reconciler(Duration.ofHours(48), Duration.ofHours(1));

	@Test
	void aReturnRefundedAndCreditedInFullHasNoMismatchAndItsFigures() {
		OrderReconciliation result = reconciler.reconcile(anOrder().returned("10", 1, NOW.minus(Duration.ofDays(3)))
			.received("10", 1, 0, 0, NOW.minus(Duration.ofDays(2)))
			.refunded("20.00", RefundStatus.SUCCEEDED, NOW.minus(Duration.ofDays(2)))
			.credited("20.00", NOW.minus(Duration.ofDays(2)))
			.figures(), NOW);

		assertThat(result.mismatches()).isEmpty();
		assertThat(result.ordered()).isEqualTo(3);
		assertThat(result.shipped()).isEqualTo(3);
		assertThat(result.returned()).isEqualTo(1);
		assertThat(result.received()).isEqualTo(1);
		assertThat(result.restocked()).isEqualTo(1);
		assertThat(result.receivedValue()).isEqualByComparingTo("20.00");
		assertThat(result.refunded()).isEqualByComparingTo("20.00");
		assertThat(result.credited()).isEqualByComparingTo("20.00");
		assertThat(result.currency()).isEqualTo("USD");
	}

	@Test
	void listsAPostedRefundWithNoCreditMemo() {
		OrderReconciliation result = reconciler.reconcile(anOrder().returned("10", 1, NOW.minus(Duration.ofDays(3)))
			.received("10", 1, 0, 0, NOW.minus(Duration.ofDays(2)))
			.refunded("20.00", RefundStatus.SUCCEEDED, NOW.minus(Duration.ofDays(2)))
			.figures(), NOW);

		assertThat(result.mismatches()).extracting(OrderReconciliation.Mismatch::kind)
			.containsExactly(MismatchKind.REFUND_WITHOUT_CREDIT_MEMO);
	}

	@Test
	void waitsForTheCreditMemoOfARefundPostedMomentsAgo() {
		OrderReconciliation result = reconciler.reconcile(anOrder().returned("10", 1, NOW.minus(Duration.ofDays(1)))
			.received("10", 1, 0, 0, NOW.minus(Duration.ofHours(2)))
			.refunded("20.00", RefundStatus.SUCCEEDED, NOW.minus(Duration.ofMinutes(1)))
			.figures(), NOW);

		assertThat(result.mismatches()).isEmpty();
	}

	@Test
	void listsACreditMemoWithNoRefund() {
		OrderReconciliation result = reconciler
			.reconcile(anOrder().credited("50.00", NOW.minus(Duration.ofDays(1))).figures(), NOW);

		assertThat(result.mismatches()).extracting(OrderReconciliation.Mismatch::kind)
			.containsExactly(MismatchKind.CREDIT_MEMO_WITHOUT_REFUND);
	}

	@Test
	void listsAReceiptWithNoRefundOnlyAfterTheConfiguredTime() {
		Fixture received3DaysAgo = anOrder().returned("20", 1, NOW.minus(Duration.ofDays(4)))
			.received("20", 1, 0, 0, NOW.minus(Duration.ofDays(3)));
		Fixture receivedAnHourAgo = anOrder().returned("20", 1, NOW.minus(Duration.ofDays(1)))
			.received("20", 1, 0, 0, NOW.minus(Duration.ofHours(1)));

		assertThat(reconciler.reconcile(received3DaysAgo.figures(), NOW).mismatches())
			.extracting(OrderReconciliation.Mismatch::kind)
			.containsExactly(MismatchKind.RECEIPT_WITHOUT_REFUND);
		assertThat(reconciler.reconcile(receivedAnHourAgo.figures(), NOW).mismatches()).isEmpty();
		assertThat(new Reconciler(Duration.ofMinutes(30), Duration.ofHours(1)).reconcile(receivedAnHourAgo.figures(), NOW)
			.mismatches()).extracting(OrderReconciliation.Mismatch::kind)
			.containsExactly(MismatchKind.RECEIPT_WITHOUT_REFUND);
	}

	@Test
	void listsARefundAboveTheValueReceived() {
		// one unit of line 10 (20.00) came back, the rejected one is worth nothing; 45.00 was refunded
		OrderReconciliation result = reconciler.reconcile(anOrder().returned("10", 2, NOW.minus(Duration.ofDays(3)))
			.received("10", 2, 0, 1, NOW.minus(Duration.ofDays(2)))
			.refunded("45.00", RefundStatus.SUCCEEDED, NOW.minus(Duration.ofDays(2)))
			.credited("45.00", NOW.minus(Duration.ofDays(2)))
			.figures(), NOW);

		assertThat(result.receivedValue()).isEqualByComparingTo("20.00");
		assertThat(result.restocked()).isEqualTo(1);
		assertThat(result.mismatches()).extracting(OrderReconciliation.Mismatch::kind)
			.containsExactly(MismatchKind.REFUNDED_MORE_THAN_RECEIVED);
	}

	@Test
	void listsMoreReturnedThanShippedButNotARejectedReturn() {
		Fixture order = anOrder().shippedOnly("10", 1)
			.returned("10", 2, NOW.minus(Duration.ofDays(1)))
			.rejectedReturn("20", 1);

		OrderReconciliation result = reconciler.reconcile(order.figures(), NOW);

		assertThat(result.returned()).isEqualTo(2);
		assertThat(result.mismatches()).singleElement().satisfies(m -> {
			assertThat(m.kind()).isEqualTo(MismatchKind.RETURNED_MORE_THAN_SHIPPED);
			assertThat(m.detail()).contains("Line 10").contains("2 unit(s)").contains("shipped 1");
		});
	}

	@Test
	void aPendingRefundCoversItsCreditMemoButIsNotCountedAsRefunded() {
		OrderReconciliation result = reconciler.reconcile(anOrder().returned("10", 1, NOW.minus(Duration.ofDays(3)))
			.received("10", 1, 0, 0, NOW.minus(Duration.ofDays(2)))
			.refunded("20.00", RefundStatus.PENDING, NOW.minus(Duration.ofDays(2)))
			.credited("20.00", NOW.minus(Duration.ofDays(2)))
			.figures(), NOW);

		assertThat(result.mismatches()).isEmpty();
		assertThat(result.refunded()).isEqualByComparingTo("0.00");
		assertThat(result.refundPending()).isEqualByComparingTo("20.00");
	}

	static Fixture anOrder() {
		return new Fixture();
	}

	/** The order of these tests and what the backends hold about it. */
	static final class Fixture {

		static final OrderId ORDER = OrderId.of("WEB-900001");

		final Map<String, Integer> shipped = new HashMap<>(Map.of("10", 2, "20", 1));

		final List<ReturnAuthorization> returns = new ArrayList<>();

		final Map<String, List<ReturnReceipt>> receipts = new HashMap<>();

		final List<Refund> refunds = new ArrayList<>();

		final List<CreditMemo> creditMemos = new ArrayList<>();

		Fixture shippedOnly(String line, int units) {
			this.shipped.put(line, units);
			return this;
		}

		Fixture returned(String line, int units, Instant at) {
			return rma(line, units, at, ReturnAuthorizationStatus.OPEN);
		}

		Fixture rejectedReturn(String line, int units) {
			return rma(line, units, NOW.minus(Duration.ofDays(1)), ReturnAuthorizationStatus.REJECTED);
		}

		private Fixture rma(String line, int units, Instant at, ReturnAuthorizationStatus status) {
			this.returns.add(new ReturnAuthorization(ReturnAuthorizationId.of("6000000" + this.returns.size()), ORDER,
					CustomerId.of("17100001"), "RH-" + this.returns.size(), status, at, usd("0.00"),
					List.of(new ReturnLine(line, Sku.of("MAT-" + line), units, ReturnReason.STYLE))));
			return this;
		}

		/** A receipt for the latest RMA: the running totals as of it. */
		Fixture received(String line, int units, int damaged, int rejected, Instant at) {
			ReturnAuthorization rma = this.returns.get(this.returns.size() - 1);
			this.receipts.computeIfAbsent(rma.id().value(), id -> new ArrayList<>())
				.add(new ReturnReceipt("RCPT-" + rma.id().value(), rma.id(), ORDER, "DC-EAST", 1, at,
						List.of(new ReturnReceived.Line(line, Sku.of("MAT-" + line), units, units, damaged, rejected))));
			return this;
		}

		Fixture refunded(String amount, RefundStatus status, Instant at) {
			this.refunds.add(new Refund(RefundId.of("re_" + this.refunds.size()), ORDER, "pi_1", "ref-" + this.refunds.size(),
					usd(amount), status, null, at));
			return this;
		}

		Fixture credited(String amount, Instant at) {
			this.creditMemos.add(new CreditMemo(CreditMemoId.of("7000000" + this.creditMemos.size()), ORDER,
					CustomerId.of("17100001"), "CM-" + this.creditMemos.size(), usd(amount), at, List.of()));
			return this;
		}

		Reconciler.Figures figures() {
			List<ShipmentLine> lines = this.shipped.entrySet()
				.stream()
				.map(e -> new ShipmentLine(e.getKey(), Sku.of("MAT-" + e.getKey()), e.getValue()))
				.toList();
			Order order = new Order(ORDER, CustomerId.of("17100001"), SalesChannel.WEB, OrderStatus.DELIVERED,
					NOW.minus(Duration.ofDays(20)), usd("90.00"),
					List.of(new OrderLine("10", Sku.of("MAT-10"), "Shirt", 2, usd("20.00"), usd("40.00")),
							new OrderLine("20", Sku.of("MAT-20"), "Jacket", 1, usd("50.00"), usd("50.00"))),
					List.of(new Shipment(ShipmentId.of("SHP-1"), ORDER, "UPS", "1Z", ShipmentStatus.DELIVERED,
							NOW.minus(Duration.ofDays(19)), NOW.minus(Duration.ofDays(17)), lines)),
					null);
			return new Reconciler.Figures(order, this.returns, this.receipts, this.refunds, this.creditMemos);
		}

		static Money usd(String amount) {
			return Money.of(amount, "USD");
		}

	}

}
