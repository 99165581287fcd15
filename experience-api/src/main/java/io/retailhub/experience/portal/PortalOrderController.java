package io.retailhub.experience.portal;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.retailhub.contracts.CustomerId;
import io.retailhub.contracts.Order;
import io.retailhub.contracts.OrderId;
import io.retailhub.contracts.Refund;
import io.retailhub.contracts.Shipment;
import io.retailhub.experience.downstream.ProcessApiClient;
import io.retailhub.experience.downstream.ProcessReturn;
import io.retailhub.experience.downstream.SystemApiClient;
import io.retailhub.experience.orders.Ids;
import io.retailhub.experience.orders.LineEligibility;
import io.retailhub.experience.orders.ReturnEligibility;
import io.retailhub.experience.panels.Panel;
import io.retailhub.experience.panels.PanelFallback;
import io.retailhub.experience.panels.PanelFallback.Stale;
import io.retailhub.experience.panels.Panels;
import io.retailhub.experience.panels.Panels.Aggregation;

import org.springframework.beans.factory.ObjectProvider;
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

	private final PanelFallback fallback;

	PortalOrderController(ShopperOrders shopperOrders, SystemApiClient system, ProcessApiClient process,
			ReturnEligibility eligibility, Panels panels, ObjectProvider<PanelFallback> fallback) {
		this.shopperOrders = shopperOrders;
		this.system = system;
		this.process = process;
		this.eligibility = eligibility;
		this.panels = panels;
		this.fallback = fallback.getIfAvailable(() -> PanelFallback.NONE);
	}

	/**
	 * My orders, newest first (a guest: the one order of their token), as a panel: UNAVAILABLE
	 * while ERP is down.
	 */
	@GetMapping
	PortalOrders myOrders(@AuthenticationPrincipal Jwt token) {
		Shopper shopper = Shopper.of(token);
		Aggregation answer = this.panels.start();
		if (shopper.guest()) {
			OrderId id = OrderId.of(shopper.guestOrderId());
			Panel<Order> order = this.shopperOrders.ownOrder(shopper, id, answer);
			return new PortalOrders(order.hasData() ? Panel.ok(order.source(), List.of(order.data()), order.asOf())
					: Panel.unavailable(order.source(), order.error()));
		}
		CompletableFuture<Panel<List<Order>>> orders = answer.panel("orders", "erp",
				() -> this.system.ordersOfCustomer(CustomerId.of(shopper.customerId()), RECENT_ORDERS));
		return new PortalOrders(answer.join(orders, "orders", "erp"));
	}

	/** The shopper's orders. */
	record PortalOrders(Panel<List<Order>> orders) {
	}

	/** The order with its shipments and returns; each of those degrades alone when its source is down. */
	@GetMapping("/{orderId}")
	PortalOrder order(@AuthenticationPrincipal Jwt token, @PathVariable String orderId) {
		Shopper shopper = Shopper.of(token);
		OrderId id = Ids.parse(orderId, "orderId", OrderId::of);
		Aggregation answer = this.panels.start();
		CompletableFuture<Panel<List<Shipment>>> shipments = answer.panel("shipments", "warehouse",
				() -> this.system.shipmentsOfOrder(id));
		CompletableFuture<Panel<List<ShopperReturn>>> returns = answer.panel("returns", "process-api",
				() -> mine(shopper, this.process.returnsOfOrder(id)),
				() -> this.fallback.returnsOfOrder(id).map(stale -> new Stale<>(mine(shopper, stale.data()), stale.asOf())));
		// the order decides whether the shopper may see the rest: asked first, the others meanwhile
		Panel<Order> order = this.shopperOrders.ownOrder(shopper, id, answer);
		return new PortalOrder(id.value(), order, answer.join(shipments, "shipments", "warehouse"),
				answer.join(returns, "returns", "process-api"));
	}

	private static List<ShopperReturn> mine(Shopper shopper, List<ProcessReturn> returns) {
		return returns.stream().filter(shopper::owns).map(ShopperReturn::of).toList();
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
