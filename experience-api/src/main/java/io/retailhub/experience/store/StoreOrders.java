package io.retailhub.experience.store;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.retailhub.contracts.Customer;
import io.retailhub.contracts.Order;
import io.retailhub.contracts.OrderId;
import io.retailhub.contracts.problems.FieldError;
import io.retailhub.contracts.problems.ProblemProperties;
import io.retailhub.contracts.problems.ProblemType;
import io.retailhub.experience.downstream.DownstreamException;
import io.retailhub.experience.downstream.SystemApiClient;
import io.retailhub.web.ProblemException;

import org.springframework.stereotype.Component;

/**
 * An online order as store staff may see it: only once the customer at the counter is verified
 * by the e-mail or last name the order was placed with. A wrong one answers like an unknown order.
 */
@Component
class StoreOrders {

	private final SystemApiClient system;

	StoreOrders(SystemApiClient system) {
		this.system = system;
	}

	record Verified(Order order, Customer customer) {
	}

	Verified verified(OrderId id, String email, String lastName) {
		if ((email == null) == (lastName == null)) {
			throw new ProblemException(ProblemType.INVALID_REQUEST, "Verify the customer by email or lastName.",
					Map.of(ProblemProperties.ERRORS,
							List.of(new FieldError("email", "give exactly one of email and lastName"))));
		}
		Order order;
		Customer customer;
		try {
			order = this.system.order(id, "shipments");
			customer = this.system.customer(order.customerId());
		}
		catch (DownstreamException ex) {
			if (ex.notFound()) {
				throw noOrder(id);
			}
			throw ex;
		}
		boolean verified = email != null ? same(customer.email(), email) : same(customer.lastName(), lastName);
		if (!verified) {
			throw noOrder(id);
		}
		return new Verified(order, customer);
	}

	static ProblemException noOrder(OrderId id) {
		return ProblemException.notFound("No order " + id + " for this customer.");
	}

	private static boolean same(String known, String given) {
		return known != null && fold(known).equals(fold(given));
	}

	private static String fold(String text) {
		return Normalizer.normalize(text.strip(), Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
	}
}
