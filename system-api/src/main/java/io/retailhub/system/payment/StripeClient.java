package io.retailhub.system.payment;

import io.retailhub.system.payment.StripePayloads.StripeList;
import io.retailhub.system.payment.StripePayloads.StripePaymentIntent;
import io.retailhub.system.payment.StripePayloads.StripeRefund;
import io.retailhub.system.payment.StripePayloads.StripeSearchResult;

import org.springframework.http.MediaType;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

/** The Stripe API calls the hub makes (https://docs.stripe.com/api). Writes are form-encoded. */
@HttpExchange(url = "/v1", accept = MediaType.APPLICATION_JSON_VALUE)
interface StripeClient {

	String IDEMPOTENCY_KEY = "Idempotency-Key";

	@GetExchange("/payment_intents/search")
	StripeSearchResult<StripePaymentIntent> searchPaymentIntents(@RequestParam String query, @RequestParam int limit);

	@GetExchange("/payment_intents/{id}")
	StripePaymentIntent paymentIntent(@PathVariable String id);

	@GetExchange("/refunds/{id}")
	StripeRefund refund(@PathVariable String id);

	/** A page of the intent's refunds, newest first. */
	@GetExchange("/refunds")
	StripeList<StripeRefund> refunds(@RequestParam("payment_intent") String paymentIntent, @RequestParam int limit,
			@RequestParam(name = "starting_after", required = false) String startingAfter);

	@PostExchange(url = "/refunds", contentType = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
	StripeRefund createRefund(@RequestHeader(IDEMPOTENCY_KEY) String idempotencyKey,
			@RequestBody MultiValueMap<String, String> form);
}
