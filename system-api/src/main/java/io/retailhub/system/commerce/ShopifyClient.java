package io.retailhub.system.commerce;

import io.retailhub.system.commerce.ShopifyPayloads.Orders;
import io.retailhub.system.commerce.ShopifyPayloads.Products;
import io.retailhub.system.commerce.ShopifyPayloads.ReturnPolicyEnvelope;

import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;

/**
 * The Shopify Admin REST API of one API version (the version is part of the base URL), as far as
 * the hub reads it. Refusals arrive as described in {@link ShopifyErrors}.
 */
@HttpExchange(accept = "application/json")
interface ShopifyClient {

	/** {@code status} must be {@code any} to see closed (archived) orders too. */
	@GetExchange("/orders.json")
	Orders orders(@RequestParam String name, @RequestParam String status);

	/** {@code ids} is a comma-separated list of at most 250 product IDs. */
	@GetExchange("/products.json")
	Products products(@RequestParam String ids, @RequestParam int limit);

	/** The sandbox store's own resource; real Shopify has no REST resource for return rules. */
	@GetExchange("/return_policy.json")
	ReturnPolicyEnvelope returnPolicy();
}
