package io.retailhub.contracts.events;

/**
 * Who asked for a return (or its cancellation), by the hub entry point they used: the customer
 * on the self-service portal, a contact-center agent on the agent desktop, or store staff.
 */
public enum ReturnChannel {
	PORTAL, AGENT, STORE
}
