package io.retailhub.sandbox.identity;

import java.util.List;

/**
 * A person who can sign in to the sandbox, and the claims their access tokens carry.
 *
 * @param username the {@code sub} claim
 * @param roles the {@code roles} claim: agent, supervisor, customer, store, ops
 * @param name display name ({@code name})
 * @param email e-mail ({@code email})
 * @param customerId the CRM customer number of a customer ({@code customer_id}), else null
 * @param storeId the store of store staff ({@code store_id}), else null
 */
public record DemoUser(String username, List<String> roles, String name, String email, String customerId,
		String storeId) {

	/** All demo users, lined up with the simulated backends' demo data (seed 20261127). */
	public static final List<DemoUser> ALL = List.of(
			new DemoUser("agent.ava", List.of("agent"), "Ava Agent", "ava@retailhub.example", null, null),
			new DemoUser("agent.sam", List.of("agent", "supervisor"), "Sam Supervisor", "sam@retailhub.example", null,
					null),
			new DemoUser("customer.17100001", List.of("customer"), "Anna Hall", "anna.hall.0001@example.com",
					"17100001", null),
			new DemoUser("customer.17100002", List.of("customer"), "Liam Lewis", "liam.lewis.0002@example.com",
					"17100002", null),
			new DemoUser("store.nyc", List.of("store"), "New York store", "nyc@retailhub.example", null, "STORE-NYC"),
			new DemoUser("store.ber", List.of("store"), "Berlin store", "ber@retailhub.example", null, "STORE-BER"),
			new DemoUser("ops.olga", List.of("ops"), "Olga Ops", "olga@retailhub.example", null, null));

	public static java.util.Optional<DemoUser> find(String username) {
		return ALL.stream().filter(user -> user.username().equals(username)).findFirst();
	}

}
