package io.retailhub.experience.timeline;

import java.util.Optional;

import tools.jackson.databind.JsonNode;

/**
 * Reads an order (customer, placement, shipments) from the system API's order lookup,
 * {@code GET /api/system/v1/orders/{orderId}}.
 */
interface OrderLookupClient {

	/**
	 * @return the order as the system API answers it; empty when it does not know the order
	 * @throws RuntimeException when the system API cannot answer now (the lookup is tried again)
	 */
	Optional<JsonNode> order(String orderId);

}
