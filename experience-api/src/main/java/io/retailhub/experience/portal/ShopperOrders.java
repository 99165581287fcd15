package io.retailhub.experience.portal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.retailhub.contracts.Order;
import io.retailhub.contracts.OrderId;
import io.retailhub.contracts.problems.ProblemType;
import io.retailhub.experience.downstream.DownstreamException;
import io.retailhub.experience.downstream.ProcessApiClient;
import io.retailhub.experience.downstream.ProcessReturn;
import io.retailhub.experience.downstream.SystemApiClient;
import io.retailhub.experience.panels.Panel;
import io.retailhub.experience.panels.PanelFallback;
import io.retailhub.experience.panels.Panels.Aggregation;
import io.retailhub.web.ProblemException;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Object-level authorization of the portal: an order, return or refund that is not the shopper's
 * answers exactly like one that does not exist (404, same body), whatever ID was asked for, so
 * that IDs cannot be probed.
 */
@Component
class ShopperOrders {

	private final SystemApiClient system;

	private final ProcessApiClient process;

	private final PanelFallback fallback;

	ShopperOrders(SystemApiClient system, ProcessApiClient process, ObjectProvider<PanelFallback> fallback) {
		this.system = system;
		this.process = process;
		this.fallback = fallback.getIfAvailable(() -> PanelFallback.NONE);
	}

	/** The order (header and lines) if it is the shopper's; 404 otherwise. */
	Order order(Shopper shopper, OrderId id) {
		if (!shopper.mayAsk(id.value())) {
			throw noOrder(id.value());
		}
		Order order;
		try {
			order = this.system.order(id);
		}
		catch (DownstreamException ex) {
			if (ex.notFound()) {
				throw noOrder(id.value());
			}
			throw ex;
		}
		if (!shopper.owns(order)) {
			throw noOrder(id.value());
		}
		return order;
	}

	/**
	 * The order as a panel of this answer, if it is the shopper's; 404 otherwise. While ERP cannot
	 * answer, the order is the shopper's when the timeline read model recorded it as theirs (a
	 * guest's token names its order): its panel is then UNAVAILABLE and the rest of the answer
	 * goes on; when the read model does not know the order either, the failure stands (503), which
	 * tells nothing about the order.
	 */
	Panel<Order> ownOrder(Shopper shopper, OrderId id, Aggregation answer) {
		if (!shopper.mayAsk(id.value())) {
			throw noOrder(id.value());
		}
		Panel<Order> order = answer.join(answer.panel("order", "erp", () -> this.system.order(id)), "order", "erp");
		if (order.hasData()) {
			if (!shopper.owns(order.data())) {
				throw noOrder(id.value());
			}
			return order;
		}
		if (order.error() != null && "NOT_FOUND".equals(order.error().code())) {
			throw noOrder(id.value());
		}
		if (shopper.guest()) {
			return order;
		}
		Optional<String> recordedCustomer = this.fallback.customerOf(id);
		if (recordedCustomer.isEmpty()) {
			throw new ProblemException(ProblemType.BACKEND_UNAVAILABLE,
					"Your order cannot be looked up right now; try again in a moment.");
		}
		if (!shopper.ownsOrderOf(id.value(), recordedCustomer.get())) {
			throw noOrder(id.value());
		}
		return order;
	}

	/** The return if it is the shopper's; 404 otherwise. */
	ProcessReturn returnOf(Shopper shopper, UUID id) {
		ProcessReturn found;
		try {
			found = this.process.returnOf(id);
		}
		catch (DownstreamException ex) {
			if (ex.notFound()) {
				throw noReturn(id.toString());
			}
			throw ex;
		}
		if (!shopper.owns(found)) {
			throw noReturn(id.toString());
		}
		return found;
	}

	/** The shopper's returns: a customer's all, a guest's those of their order. */
	List<ProcessReturn> returns(Shopper shopper) {
		List<ProcessReturn> found = shopper.guest() ? this.process.returnsOfOrder(OrderId.of(shopper.guestOrderId()))
				: this.process.returnsOfCustomer(io.retailhub.contracts.CustomerId.of(shopper.customerId()));
		return found.stream().filter(shopper::owns).toList();
	}

	static ProblemException noOrder(String id) {
		return ProblemException.notFound("You have no order " + id + ".");
	}

	static ProblemException noReturn(String id) {
		return ProblemException.notFound("You have no return " + id + ".");
	}

	static ProblemException noRefund(String id) {
		return ProblemException.notFound("You have no refund " + id + ".");
	}
}
