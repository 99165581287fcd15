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
import io.retailhub.experience.downstream.ProcessApiClient;
import io.retailhub.experience.downstream.SystemApiClient;
import io.retailhub.experience.orders.Ids;
import io.retailhub.experience.orders.ReturnEligibility;
import io.retailhub.web.ProblemException;
import jakarta.validation.constraints.Size;

import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Store staff look up an online order by its number, verified by the customer's e-mail or last
 * name; a wrong one answers like an unknown order.
 */
@RestController
@RequestMapping("/api/store/v1/orders")
@Validated
class StoreOrderController {

	private final SystemApiClient system;

	private final ProcessApiClient process;

	private final ReturnEligibility eligibility;

	StoreOrderController(SystemApiClient system, ProcessApiClient process, ReturnEligibility eligibility) {
		this.system = system;
		this.process = process;
		this.eligibility = eligibility;
	}

	@GetMapping("/{orderNumber}")
	StoreOrder lookUp(@PathVariable String orderNumber,
			@RequestParam(required = false) @Size(min = 3, max = 254) String email,
			@RequestParam(required = false) @Size(min = 1, max = 80) String lastName) {
		OrderId id = Ids.parse(orderNumber, "orderNumber", OrderId::of);
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
		return new StoreOrder(order, customer.firstName() + " " + customer.lastName(),
				this.eligibility.of(order, this.process.returnsOfOrder(id)));
	}

	private static ProblemException noOrder(OrderId id) {
		return ProblemException.notFound("No order " + id + " for this customer.");
	}

	private static boolean same(String known, String given) {
		return known != null && fold(known).equals(fold(given));
	}

	private static String fold(String text) {
		return Normalizer.normalize(text.strip(), Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
	}
}
