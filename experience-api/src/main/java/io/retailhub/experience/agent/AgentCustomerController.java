package io.retailhub.experience.agent;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import io.retailhub.contracts.Customer;
import io.retailhub.contracts.CustomerId;
import io.retailhub.contracts.OrderId;
import io.retailhub.contracts.problems.FieldError;
import io.retailhub.contracts.problems.ProblemProperties;
import io.retailhub.contracts.problems.ProblemType;
import io.retailhub.experience.downstream.DownstreamException;
import io.retailhub.experience.downstream.SystemApiClient;
import io.retailhub.experience.orders.Ids;
import io.retailhub.web.ProblemException;
import jakarta.validation.constraints.Size;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(AgentApi.PATH + "/customers")
class AgentCustomerController {

	private final SystemApiClient system;

	private final AgentViews views;

	AgentCustomerController(SystemApiClient system, AgentViews views) {
		this.system = system;
		this.views = views;
	}

	/**
	 * Customers found by exactly one of e-mail, phone, name (words that start the first or last
	 * name: {@code mar schm}) or order number; an empty list when none.
	 */
	@GetMapping
	List<Customer> search(@RequestParam(required = false) @Size(min = 3, max = 254) String email,
			@RequestParam(required = false) @Size(min = 3, max = 40) String phone,
			@RequestParam(required = false) @Size(min = 2, max = 80) String name,
			@RequestParam(required = false) String orderNumber) {
		long given = Stream.of(email, phone, name, orderNumber).filter(Objects::nonNull).count();
		if (given != 1) {
			throw new ProblemException(ProblemType.INVALID_REQUEST,
					"Search by exactly one of email, phone, name and orderNumber.",
					Map.of(ProblemProperties.ERRORS,
							List.of(new FieldError("email", "give exactly one of email, phone, name, orderNumber"))));
		}
		if (orderNumber != null) {
			OrderId orderId = Ids.parse(orderNumber, "orderNumber", OrderId::of);
			try {
				return List.of(this.system.customer(this.system.order(orderId).customerId()));
			}
			catch (DownstreamException ex) {
				if (ex.notFound()) {
					return List.of();
				}
				throw ex;
			}
		}
		return this.system.searchCustomers(email, phone, name);
	}

	@GetMapping("/{customerId}")
	Customer360 customer360(@PathVariable String customerId) {
		return this.views.customer360(Ids.parse(customerId, "customerId", CustomerId::of));
	}
}
