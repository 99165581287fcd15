package io.retailhub.experience.agent;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import io.retailhub.contracts.CaseStatus;
import io.retailhub.contracts.Customer;
import io.retailhub.contracts.CustomerId;
import io.retailhub.contracts.Order;
import io.retailhub.contracts.OrderId;
import io.retailhub.contracts.ServiceCase;
import io.retailhub.contracts.Shipment;
import io.retailhub.experience.downstream.ProcessApiClient;
import io.retailhub.experience.downstream.ProcessReturn;
import io.retailhub.experience.downstream.SystemApiClient;
import io.retailhub.experience.orders.LineEligibility;
import io.retailhub.experience.orders.ReturnEligibility;
import io.retailhub.experience.panels.MissingPanel;
import io.retailhub.experience.panels.Panel;
import io.retailhub.experience.panels.PanelFallback;
import io.retailhub.experience.panels.Panels;
import io.retailhub.experience.panels.Panels.Aggregation;
import io.retailhub.web.ProblemException;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Customer 360 and order 360: every panel fetched at once, each within its budget. */
@Component
class AgentViews {

	static final int RECENT_ORDERS = 20;

	private final Panels panels;

	private final SystemApiClient system;

	private final ProcessApiClient process;

	private final ReturnEligibility eligibility;

	private final PanelFallback fallback;

	AgentViews(Panels panels, SystemApiClient system, ProcessApiClient process, ReturnEligibility eligibility,
			ObjectProvider<PanelFallback> fallback) {
		this.panels = panels;
		this.system = system;
		this.process = process;
		this.eligibility = eligibility;
		this.fallback = fallback.getIfAvailable(() -> PanelFallback.NONE);
	}

	Order360 order360(OrderId id) {
		Aggregation answer = this.panels.start();
		CompletableFuture<Panel<Order>> order = answer.panel("order", "erp", () -> this.system.order(id));
		// each panel from its own backend: an ERP outage leaves parcels, payment, returns and cases
		CompletableFuture<Panel<List<Shipment>>> shipments = answer.panel("shipments", "warehouse",
				() -> this.system.shipmentsOfOrder(id));
		CompletableFuture<Panel<Order360.PaymentPanel>> payment = answer.panel("payment", "payment",
				() -> new Order360.PaymentPanel(this.system.paymentOfOrder(id).orElse(null),
						this.system.refundsOfOrder(id)));
		CompletableFuture<Panel<List<ProcessReturn>>> returns = answer.panel("returns", "process-api",
				() -> this.process.returnsOfOrder(id), () -> this.fallback.returnsOfOrder(id));
		CompletableFuture<Panel<List<ServiceCase>>> cases = answer.panel("cases", "crm",
				() -> this.system.casesOfOrder(id));
		// the customer of the order, or, while ERP is down, the one the read model recorded
		CompletableFuture<Panel<Customer>> profile = answer.panelFor(order.thenApply(found -> found.hasData()
				? Optional.of(found.data().customerId()) : this.fallback.customerOf(id).map(CustomerId::of)),
				"order", "profile", "crm", this.system::customer);
		CompletableFuture<Panel<List<LineEligibility>>> eligible = answer.panelAfter(order, "order", "eligibility",
				"commerce", found -> {
					Panel<List<ProcessReturn>> known = returns.join();
					if (!known.ok()) {
						// a stale list of returns may miss one holding units: no estimate on it
						throw new MissingPanel("returns");
					}
					return this.eligibility.of(found, known.data());
				});

		Panel<Order> orderPanel = answer.join(order, "order", "erp");
		if (orderPanel.error() != null && "NOT_FOUND".equals(orderPanel.error().code())) {
			throw ProblemException.notFound("No order " + id + ".");
		}
		Order360.Panels all = new Order360.Panels(orderPanel, answer.join(profile, "profile", "crm"),
				answer.join(shipments, "shipments", "warehouse"), answer.join(payment, "payment", "payment"),
				answer.join(returns, "returns", "process-api"), answer.join(cases, "cases", "crm"),
				answer.join(eligible, "eligibility", "commerce"));
		String customerId = orderPanel.hasData() ? orderPanel.data().customerId().value()
				: this.fallback.customerOf(id).orElse(null);
		return new Order360(id.value(), customerId, all, actions(id, all));
	}

	Customer360 customer360(CustomerId id) {
		Aggregation answer = this.panels.start();
		CompletableFuture<Panel<Customer>> profile = answer.panel("profile", "crm", () -> this.system.customer(id));
		CompletableFuture<Panel<List<Order>>> orders = answer.panel("orders", "erp",
				() -> this.system.ordersOfCustomer(id, RECENT_ORDERS));
		CompletableFuture<Panel<List<ProcessReturn>>> returns = answer.panel("returns", "process-api",
				() -> this.process.returnsOfCustomer(id));
		CompletableFuture<Panel<List<ServiceCase>>> cases = answer.panel("cases", "crm",
				() -> this.system.casesOfCustomer(id));
		Panel<Customer> profilePanel = answer.join(profile, "profile", "crm");
		if (profilePanel.error() != null && "NOT_FOUND".equals(profilePanel.error().code())) {
			throw ProblemException.notFound("No customer " + id + ".");
		}
		Customer360.Panels all = new Customer360.Panels(profilePanel, answer.join(orders, "orders", "erp"),
				answer.join(returns, "returns", "process-api"), answer.join(cases, "cases", "crm"));
		List<Action> actions = new ArrayList<>();
		returnActions(all.returns(), actions);
		caseActions(all.cases(), actions);
		return new Customer360(id.value(), all, actions);
	}

	/** What the panels that answered allow; nothing that hangs on a panel without fresh data. */
	private static List<Action> actions(OrderId id, Order360.Panels panels) {
		List<Action> actions = new ArrayList<>();
		if (panels.eligibility().ok() && panels.eligibility().data().stream().anyMatch(LineEligibility::eligible)) {
			actions.add(Action.startReturn(id.value()));
		}
		returnActions(panels.returns(), actions);
		caseActions(panels.cases(), actions);
		return actions;
	}

	private static void returnActions(Panel<List<ProcessReturn>> returns, List<Action> actions) {
		if (!returns.ok()) {
			return;
		}
		for (ProcessReturn running : returns.data()) {
			if (running.cancelable()) {
				actions.add(Action.cancelReturn(running.id().toString()));
			}
			if (running.needsAPerson()) {
				actions.add(Action.resumeReturn(running.id().toString()));
			}
		}
	}

	private static void caseActions(Panel<List<ServiceCase>> cases, List<Action> actions) {
		if (!cases.ok()) {
			return;
		}
		cases.data()
			.stream()
			.filter(c -> c.status() != CaseStatus.CLOSED)
			.forEach(c -> actions.add(Action.addCaseComment(c.id().value())));
	}
}
