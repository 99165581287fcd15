package io.retailhub.experience.portal;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.retailhub.contracts.CustomerId;
import io.retailhub.contracts.Order;
import io.retailhub.contracts.OrderId;
import io.retailhub.contracts.Refund;
import io.retailhub.contracts.Shipment;
import io.retailhub.experience.downstream.ProcessApiClient;
import io.retailhub.experience.downstream.SystemApiClient;
import io.retailhub.experience.orders.Ids;
import io.retailhub.experience.orders.LineEligibility;
import io.retailhub.experience.orders.ReturnEligibility;
import io.retailhub.experience.panels.Panel;
import io.retailhub.experience.panels.Panels;
import io.retailhub.experience.panels.Panels.Aggregation;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The shopper's orders; any other order answers 404 like an unknown one. */
@RestController
@RequestMapping(PortalApi.PATH + "/orders")
class PortalOrderController {

	static final int RECENT_ORDERS = 50;

	private final ShopperOrders shopperOrders;

	private final SystemApiClient system;

	private final ProcessApiClient process;

	private final ReturnEligibility eligibility;

	private final Panels panels;

	PortalOrderController(ShopperOrders shopperOrders, SystemApiClient system, ProcessApiClient process,
			ReturnEligibility eligibility, Panels panels) {
		this.shopperOrders = shopperOrders;
		this.system = system;
		this.process = process;
		this.eligibility = eligibility;
		this.panels = panels;
	}

	/** My orders, newest first (a guest: the one order of their token). */
	@GetMapping
	List<Order> myOrders(@AuthenticationPrincipal Jwt token) {
		Shopper shopper = Shopper.of(token);
		if (shopper.guest()) {
			return List.of(this.shopperOrders.order(shopper, OrderId.of(shopper.guestOrderId())));
		}
		return this.system.ordersOfCustomer(CustomerId.of(shopper.customerId()), RECENT_ORDERS);
	}

	/** The order with its shipments and returns; each of those degrades alone when its source is down. */
	@GetMapping("/{orderId}")
	PortalOrder order(@AuthenticationPrincipal Jwt token, @PathVariable String orderId) {
		Shopper shopper = Shopper.of(token);
		OrderId id = Ids.parse(orderId, "orderId", OrderId::of);
		Aggregation answer = this.panels.start();
		Order order = this.shopperOrders.order(shopper, id);
		CompletableFuture<Panel<List<Shipment>>> shipments = answer.panel("shipments", "warehouse",
				() -> this.system.shipmentsOfOrder(id));
		CompletableFuture<Panel<List<ShopperReturn>>> returns = answer.panel("returns", "process-api",
				() -> this.process.returnsOfOrder(id).stream().filter(shopper::owns).map(ShopperReturn::of).toList());
		return new PortalOrder(order, answer.join(shipments, "shipments", "warehouse"),
				answer.join(returns, "returns", "process-api"));
	}

	/** Which lines I can return now, why not, until when, and what they would refund. */
	@GetMapping("/{orderId}/returnable-lines")
	List<LineEligibility> returnableLines(@AuthenticationPrincipal Jwt token, @PathVariable String orderId) {
		Shopper shopper = Shopper.of(token);
		OrderId id = Ids.parse(orderId, "orderId", OrderId::of);
		Order order = this.shopperOrders.order(shopper, id);
		return this.eligibility.of(order, this.process.returnsOfOrder(id));
	}

	/** The refunds the payment provider holds for my order. */
	@GetMapping("/{orderId}/refunds")
	List<Refund> refunds(@AuthenticationPrincipal Jwt token, @PathVariable String orderId) {
		Shopper shopper = Shopper.of(token);
		OrderId id = Ids.parse(orderId, "orderId", OrderId::of);
		this.shopperOrders.order(shopper, id);
		return this.system.refundsOfOrder(id);
	}
}
