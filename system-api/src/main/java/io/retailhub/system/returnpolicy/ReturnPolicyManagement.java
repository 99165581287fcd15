package io.retailhub.system.returnpolicy;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.retailhub.contracts.Order;
import io.retailhub.contracts.OrderLine;
import io.retailhub.contracts.ReturnAuthorization;
import io.retailhub.contracts.ReturnAuthorizationStatus;
import io.retailhub.contracts.ReturnLine;
import io.retailhub.contracts.ReturnPolicyEvaluation;
import io.retailhub.contracts.Shipment;
import io.retailhub.contracts.ShipmentLine;
import io.retailhub.contracts.ShipmentStatus;
import io.retailhub.contracts.commands.EvaluateReturnPolicy;
import io.retailhub.system.backend.ResourceNotFoundException;
import io.retailhub.system.commerce.CommerceOrder;
import io.retailhub.system.commerce.CommerceOrderLine;
import io.retailhub.system.commerce.ShopifyCommerceAdapter;
import io.retailhub.system.erp.SapErpAdapter;
import io.retailhub.system.returnpolicy.ReturnPolicyRules.LineFacts;
import io.retailhub.system.warehouse.WarehouseAdapter;

import org.springframework.stereotype.Service;

/**
 * Gathers what the policy needs from four systems: the order (ERP), the lines' categories,
 * final-sale flags and promotions (commerce), deliveries (warehouse) and earlier returns (ERP),
 * then applies {@link ReturnPolicyRules}.
 */
@Service
public class ReturnPolicyManagement {

	private final SapErpAdapter erp;

	private final ShopifyCommerceAdapter commerce;

	private final WarehouseAdapter warehouse;

	private final Clock clock;

	ReturnPolicyManagement(SapErpAdapter erp, ShopifyCommerceAdapter commerce, WarehouseAdapter warehouse,
			Clock clock) {
		this.erp = erp;
		this.commerce = commerce;
		this.warehouse = warehouse;
		this.clock = clock;
	}

	public ReturnPolicyEvaluation evaluate(EvaluateReturnPolicy request) {
		long distinct = request.lines().stream().map(l -> l.lineNumber()).distinct().count();
		if (distinct != request.lines().size()) {
			throw new IllegalArgumentException("each order line may appear only once");
		}
		Order order = erp.findOrder(request.orderId())
			.orElseThrow(() -> new ResourceNotFoundException("order", request.orderId().value()));
		Optional<CommerceOrder> commerceOrder = commerce.findOrder(request.orderId());
		List<Shipment> shipments = warehouse.findShipments(request.orderId());
		List<ReturnAuthorization> earlierReturns = erp.findReturnAuthorizationsOfOrder(request.orderId());

		Map<String, LineFacts> facts = new HashMap<>();
		for (OrderLine line : order.lines()) {
			Optional<CommerceOrderLine> commerceLine = commerceOrder
				.flatMap(c -> c.lines().stream().filter(l -> l.sku().equals(line.sku())).findFirst());
			facts.put(line.lineNumber(), new LineFacts(line, commerceLine, delivered(shipments, line),
					deliveredAt(shipments, line), returned(earlierReturns, line)));
		}
		return ReturnPolicyRules.evaluate(order, request.lines(), facts, commerce.findReturnPolicy(), clock.instant());
	}

	private static int delivered(List<Shipment> shipments, OrderLine line) {
		return shipments.stream()
			.filter(s -> s.status() == ShipmentStatus.DELIVERED)
			.flatMap(s -> s.lines().stream())
			.filter(l -> l.lineNumber().equals(line.lineNumber()))
			.mapToInt(ShipmentLine::quantity)
			.sum();
	}

	/** The window opens when the line's last delivered parcel arrived. */
	private static Instant deliveredAt(List<Shipment> shipments, OrderLine line) {
		return shipments.stream()
			.filter(s -> s.status() == ShipmentStatus.DELIVERED && s.deliveredAt() != null)
			.filter(s -> s.lines().stream().anyMatch(l -> l.lineNumber().equals(line.lineNumber())))
			.map(Shipment::deliveredAt)
			.max(Instant::compareTo)
			.orElse(null);
	}

	private static int returned(List<ReturnAuthorization> returns, OrderLine line) {
		return returns.stream()
			.filter(r -> r.status() != ReturnAuthorizationStatus.REJECTED)
			.flatMap(r -> r.lines().stream())
			.filter(l -> l.lineNumber().equals(line.lineNumber()))
			.mapToInt(ReturnLine::quantity)
			.sum();
	}
}
