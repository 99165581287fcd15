package io.retailhub.sandbox.backends.data;

/**
 * A seeded customer. {@code number} is the ERP business partner (sold-to party), {@code contactId}
 * the CRM contact, {@code paymentCustomerId} the payment provider's customer.
 */
public record DemoCustomer(String number, String contactId, String paymentCustomerId, String firstName,
		String lastName, String email, String phone, String street, String city, String postalCode, String region,
		String country, String currency) {
}
