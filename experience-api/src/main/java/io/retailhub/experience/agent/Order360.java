package io.retailhub.experience.agent;

import java.util.List;

import io.retailhub.contracts.Customer;
import io.retailhub.contracts.Order;
import io.retailhub.contracts.Payment;
import io.retailhub.contracts.Refund;
import io.retailhub.contracts.ServiceCase;
import io.retailhub.contracts.Shipment;
import io.retailhub.experience.downstream.ProcessReturn;
import io.retailhub.experience.orders.LineEligibility;
import io.retailhub.experience.panels.Panel;

/**
 * Everything about one order on one screen. Each panel carries its own status; {@code actions}
 * are those the panels that answered allow (none that depends on an unavailable panel).
 */
record Order360(String orderId, String customerId, Panels panels, List<Action> actions) {

	record Panels(Panel<Order> order, Panel<Customer> profile, Panel<List<Shipment>> shipments,
			Panel<PaymentPanel> payment, Panel<List<ProcessReturn>> returns, Panel<List<ServiceCase>> cases,
			Panel<List<LineEligibility>> eligibility) {
	}

	/** The order's payment and the refunds the provider holds for it. */
	record PaymentPanel(Payment payment, List<Refund> refunds) {
	}
}
