package io.retailhub.experience.agent;

import java.util.List;

import io.retailhub.contracts.Customer;
import io.retailhub.contracts.Order;
import io.retailhub.contracts.ServiceCase;
import io.retailhub.experience.downstream.ProcessReturn;
import io.retailhub.experience.panels.Panel;

/** Everything about one customer on one screen; orders in detail are in {@link Order360}. */
record Customer360(String customerId, Panels panels, List<Action> actions) {

	record Panels(Panel<Customer> profile, Panel<List<Order>> orders, Panel<List<ProcessReturn>> returns,
			Panel<List<ServiceCase>> cases) {
	}
}
