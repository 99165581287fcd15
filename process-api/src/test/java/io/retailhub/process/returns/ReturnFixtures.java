package io.retailhub.process.returns;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.retailhub.contracts.CustomerId;
import io.retailhub.contracts.Money;
import io.retailhub.contracts.Order;
import io.retailhub.contracts.OrderId;
import io.retailhub.contracts.OrderLine;
import io.retailhub.contracts.OrderStatus;
import io.retailhub.contracts.Payment;
import io.retailhub.contracts.PaymentStatus;
import io.retailhub.contracts.ReturnAuthorization;
import io.retailhub.contracts.ReturnAuthorizationId;
import io.retailhub.contracts.ReturnAuthorizationStatus;
import io.retailhub.contracts.ReturnLine;
import io.retailhub.contracts.ReturnLineEvaluation;
import io.retailhub.contracts.ReturnPolicyEvaluation;
import io.retailhub.contracts.ReturnReason;
import io.retailhub.contracts.SalesChannel;
import io.retailhub.contracts.Shipment;
import io.retailhub.contracts.ShipmentId;
import io.retailhub.contracts.ShipmentLine;
import io.retailhub.contracts.ShipmentStatus;
import io.retailhub.contracts.Sku;
import io.retailhub.contracts.events.ReturnChannel;

/** Intention-named test data for returns: an order with two delivered lines, and returns of it. */
final class ReturnFixtures {

	static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

	static final OrderId ORDER = OrderId.of("WEB-900001");

	static final CustomerId CUSTOMER = CustomerId.of("17100001");

	private ReturnFixtures() {
	}

	static Money usd(String amount) {
		return Money.of(amount, "USD");
	}

	/** Line 10: 2 units of SKU-A for 80.00; line 20: 1 unit of SKU-B for 19.99; all delivered. */
	static Order deliveredOrder() {
		List<OrderLine> lines = List.of(
				new OrderLine("10", Sku.of("SKU-A"), "Shirt", 2, usd("45.00"), usd("80.00")),
				new OrderLine("20", Sku.of("SKU-B"), "Mug", 1, usd("19.99"), usd("19.99")));
		Shipment shipment = new Shipment(ShipmentId.of("SH-1"), ORDER, "UPS", "1Z", ShipmentStatus.DELIVERED,
				NOW.minusSeconds(864_000), NOW.minusSeconds(600_000),
				List.of(new ShipmentLine("10", Sku.of("SKU-A"), 2), new ShipmentLine("20", Sku.of("SKU-B"), 1)));
		return new Order(ORDER, CUSTOMER, SalesChannel.WEB, OrderStatus.DELIVERED, NOW.minusSeconds(1_000_000),
				usd("99.99"), lines, List.of(shipment),
				new Payment("pi_1", PaymentStatus.CAPTURED, usd("99.99"), usd("0.00")));
	}

	/** The policy's yes for every requested line, each unit refunding 40.00 (line 10) or 19.99 (line 20). */
	static ReturnPolicyEvaluation eligible(Map<String, Integer> quantities) {
		List<ReturnLineEvaluation> lines = quantities.entrySet()
			.stream()
			.map(e -> new ReturnLineEvaluation(e.getKey(), Sku.of(e.getKey().equals("10") ? "SKU-A" : "SKU-B"),
					"APPAREL", e.getValue(), true, null, null, NOW.plusSeconds(1_000_000), usd("0.00"), usd("0.00"),
					(e.getKey().equals("10") ? usd("40.00") : usd("19.99")).times(e.getValue()), e.getValue()))
			.toList();
		return new ReturnPolicyEvaluation(ORDER, true, lines, usd("5.95"), usd("0"));
	}

	static ReturnAuthorization rma(String externalReference, String lineNumber, int quantity) {
		return new ReturnAuthorization(ReturnAuthorizationId.of("6000" + quantity), ORDER, CUSTOMER, externalReference,
				ReturnAuthorizationStatus.OPEN, NOW, usd("0"),
				List.of(new ReturnLine(lineNumber, Sku.of("SKU-A"), quantity, ReturnReason.UNWANTED)));
	}

	static ReturnCase requested(String returnNumber, RequestedLine... lines) {
		ReturnCase ret = ReturnCase.request(returnNumber, "key-" + returnNumber, "digest", ORDER, CUSTOMER,
				ReturnChannel.PORTAL, List.of(lines), NOW);
		ret.identify(CUSTOMER, ReturnManagement.skus(deliveredOrder()));
		return ret;
	}

	static RequestedLine line(String lineNumber, int quantity) {
		return new RequestedLine(lineNumber, quantity, ReturnReason.SIZE_TOO_SMALL);
	}

	/** A return of {@code quantity} of line 10, judged eligible and authorized with RMA 6001. */
	static ReturnCase authorized(int quantity) {
		ReturnCase ret = requested("RH-00000001", line("10", quantity));
		ret.judge(ReturnEligibility.judge(List.of(line("10", quantity)), deliveredOrder(),
				eligible(Map.of("10", quantity)), List.of(), List.of()), usd("5.95"), NOW);
		ret.authorize(ReturnAuthorizationId.of("6001"), NOW.plusSeconds(3600), NOW);
		return ret;
	}
}
