package io.retailhub.experience.portal;

import java.util.List;
import java.util.UUID;

import io.retailhub.contracts.Order;
import io.retailhub.contracts.OrderId;
import io.retailhub.experience.downstream.DownstreamException;
import io.retailhub.experience.downstream.ProcessApiClient;
import io.retailhub.experience.downstream.ProcessReturn;
import io.retailhub.experience.downstream.SystemApiClient;
import io.retailhub.web.ProblemException;

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

	ShopperOrders(SystemApiClient system, ProcessApiClient process) {
		this.system = system;
		this.process = process;
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
