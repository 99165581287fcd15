package io.retailhub.contracts;

/** A customer as CRM and ERP agree on it: the customer number links both. */
public record Customer(CustomerId id, String firstName, String lastName, String email, String phone,
		Address address) {
}
