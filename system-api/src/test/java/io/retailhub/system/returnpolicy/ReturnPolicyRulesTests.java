package io.retailhub.system.returnpolicy;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.retailhub.contracts.CustomerId;
import io.retailhub.contracts.Money;
import io.retailhub.contracts.Order;
import io.retailhub.contracts.OrderId;
import io.retailhub.contracts.OrderLine;
import io.retailhub.contracts.OrderStatus;
import io.retailhub.contracts.ReturnDeclineReason;
import io.retailhub.contracts.ReturnLineEvaluation;
import io.retailhub.contracts.ReturnPolicyEvaluation;
import io.retailhub.contracts.ReturnReason;
import io.retailhub.contracts.SalesChannel;
import io.retailhub.contracts.Sku;
import io.retailhub.contracts.commands.ReturnLineRequest;
import io.retailhub.system.commerce.CommerceOrderLine;
import io.retailhub.system.commerce.ReturnPolicy;
import io.retailhub.system.returnpolicy.ReturnPolicyRules.LineFacts;
import org.junit.jupiter.api.Test;

class ReturnPolicyRulesTests {

	static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");

	static final Currency USD = Currency.getInstance("USD");

	static final ReturnPolicy POLICY = new ReturnPolicy(30, Map.of("APPAREL", 30, "ELECTRONICS", 14), "final-sale",
			Map.of("ELECTRONICS", new BigDecimal("15.0")), Map.of("USD", Money.of("6.95", "USD")),
			Set.of(ReturnReason.DEFECTIVE, ReturnReason.DAMAGED), false);

	// a shirt: 2 x 50.00 with 10.00 promotion -> paid 90.00; a speaker: 1 x 100.00
	static final OrderLine SHIRT = new OrderLine("10", Sku.of("MAT-1"), "Shirt", 2, Money.of("45.00", "USD"),
			Money.of("90.00", "USD"));

	static final OrderLine SPEAKER = new OrderLine("20", Sku.of("MAT-2"), "Speaker", 1, Money.of("100.00", "USD"),
			Money.of("100.00", "USD"));

	static final Order ORDER = new Order(OrderId.of("WEB-1"), CustomerId.of("17100001"), SalesChannel.WEB,
			OrderStatus.DELIVERED, NOW.minus(Duration.ofDays(12)), Money.of("196.95", "USD"), List.of(SHIRT, SPEAKER),
			List.of(), null);

	@Test
	void refundsTheReturnedShareOfWhatWasPaidLessTheShippingFee() {
		ReturnPolicyEvaluation result = evaluate(Map.of("10", facts(SHIRT, "APPAREL", false, 2, 10, 0)),
				new ReturnLineRequest("10", 1, ReturnReason.SIZE_TOO_SMALL));

		ReturnLineEvaluation line = result.lines().get(0);
		assertThat(result.eligible()).isTrue();
		assertThat(line.refundableAmount()).isEqualTo(Money.of("45.00", "USD"));
		assertThat(line.promotionShare()).isEqualTo(Money.of("5.00", "USD"));
		assertThat(result.returnShippingFee()).isEqualTo(Money.of("6.95", "USD"));
		assertThat(result.refundableTotal()).isEqualTo(Money.of("38.05", "USD"));
	}

	@Test
	void takesTheRestockingFeeOfTheCategory() {
		ReturnPolicyEvaluation result = evaluate(Map.of("20", facts(SPEAKER, "ELECTRONICS", false, 1, 5, 0)),
				new ReturnLineRequest("20", 1, ReturnReason.DEFECTIVE));

		assertThat(result.lines().get(0).restockingFee()).isEqualTo(Money.of("15.00", "USD"));
		assertThat(result.lines().get(0).refundableAmount()).isEqualTo(Money.of("85.00", "USD"));
		assertThat(result.returnShippingFee().isZero()).as("defective items come back at the merchant's cost").isTrue();
	}

	@Test
	void declinesFinalSaleItems() {
		assertDeclined(facts(SHIRT, "APPAREL", true, 2, 3, 0), 1, ReturnDeclineReason.FINAL_SALE);
	}

	@Test
	void declinesWhatWasNotDelivered() {
		assertDeclined(facts(SHIRT, "APPAREL", false, 0, 0, 0), 1, ReturnDeclineReason.NOT_DELIVERED);
	}

	@Test
	void declinesOutsideTheCategoryWindowCountedFromDelivery() {
		assertDeclined(facts(SPEAKER, "ELECTRONICS", false, 1, 15, 0), 1, ReturnDeclineReason.RETURN_PERIOD_ENDED);
		assertThat(evaluate(Map.of("20", facts(SPEAKER, "ELECTRONICS", false, 1, 13, 0)),
				new ReturnLineRequest("20", 1, ReturnReason.STYLE))
			.eligible()).isTrue();
	}

	@Test
	void declinesMoreThanRemainsAfterEarlierReturns() {
		assertDeclined(facts(SHIRT, "APPAREL", false, 2, 3, 1), 2, ReturnDeclineReason.QUANTITY_EXCEEDED);
	}

	@Test
	void saysHowManyUnitsRemainSoThatACallerCanAskForThat() {
		LineFacts oneOfTwoReturned = facts(SHIRT, "APPAREL", false, 2, 3, 1);

		ReturnLineEvaluation tooMany = evaluate(Map.of("10", oneOfTwoReturned),
				new ReturnLineRequest("10", 2, ReturnReason.STYLE)).lines().get(0);
		ReturnLineEvaluation remaining = evaluate(Map.of("10", oneOfTwoReturned),
				new ReturnLineRequest("10", tooMany.returnableQuantity(), ReturnReason.STYLE)).lines().get(0);

		assertThat(tooMany.returnableQuantity()).isEqualTo(1);
		assertThat(remaining.eligible()).isTrue();
		assertThat(remaining.quantity()).isEqualTo(1);
		assertThat(evaluate(Map.of("10", facts(SHIRT, "APPAREL", false, 2, 3, 2)),
				new ReturnLineRequest("10", 1, ReturnReason.STYLE)).lines().get(0).returnableQuantity()).isZero();
	}

	@Test
	void declinesLinesThatAreNotOnTheOrder() {
		ReturnPolicyEvaluation result = evaluate(Map.of(), new ReturnLineRequest("99", 1, ReturnReason.OTHER));

		assertThat(result.lines().get(0).declineReason()).isEqualTo(ReturnDeclineReason.UNKNOWN_LINE);
		assertThat(result.refundableTotal().isZero()).isTrue();
	}

	@Test
	void declinedLinesRefundNothingAndTheCustomerIsToldWhy() {
		ReturnPolicyEvaluation result = evaluate(Map.of("10", facts(SHIRT, "APPAREL", true, 2, 3, 0)),
				new ReturnLineRequest("10", 1, ReturnReason.STYLE));

		assertThat(result.lines().get(0).refundableAmount().isZero()).isTrue();
		assertThat(result.lines().get(0).message()).contains("final sale");
		assertThat(result.returnShippingFee().isZero()).isTrue();
	}

	private static void assertDeclined(LineFacts facts, int quantity, ReturnDeclineReason reason) {
		ReturnPolicyEvaluation result = evaluate(Map.of(facts.line().lineNumber(), facts),
				new ReturnLineRequest(facts.line().lineNumber(), quantity, ReturnReason.STYLE));
		assertThat(result.eligible()).isFalse();
		assertThat(result.lines().get(0).declineReason()).isEqualTo(reason);
	}

	private static ReturnPolicyEvaluation evaluate(Map<String, LineFacts> facts, ReturnLineRequest request) {
		return ReturnPolicyRules.evaluate(ORDER, List.of(request), facts, POLICY, NOW);
	}

	private static LineFacts facts(OrderLine line, String category, boolean finalSale, int delivered, int daysAgo,
			int alreadyReturned) {
		Money discount = line == SHIRT ? Money.of("10.00", "USD") : Money.zero(USD);
		CommerceOrderLine commerce = new CommerceOrderLine(line.sku(), line.description(), category, finalSale,
				line.quantity(), line.unitPrice(), discount);
		return new LineFacts(line, Optional.of(commerce), delivered,
				delivered == 0 ? null : NOW.minus(Duration.ofDays(daysAgo)), alreadyReturned);
	}
}
