package io.retailhub.sandbox.backends.payment;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Stripe's Refunds API (https://docs.stripe.com/api/refunds): create (form-encoded, answered 200,
 * idempotent with {@code Idempotency-Key}), retrieve, list newest first, cancel.
 */
@RestController
@RequestMapping("/payment/v1/refunds")
class RefundController {

	private static final String URL = "/v1/refunds";

	private static final Set<String> LIST_PARAMS = Set.of("payment_intent", "charge", "limit", "starting_after",
			"ending_before");

	private final PaymentLedger ledger;

	private final IdempotencyKeys idempotencyKeys;

	private final PaymentEffects effects;

	RefundController(PaymentLedger ledger, IdempotencyKeys idempotencyKeys, PaymentEffects effects) {
		this.ledger = ledger;
		this.idempotencyKeys = idempotencyKeys;
		this.effects = effects;
	}

	@PostMapping
	ResponseEntity<byte[]> create(@RequestHeader(name = IdempotencyKeys.IDEMPOTENCY_KEY, required = false) String key,
			@RequestParam MultiValueMap<String, String> params) {
		return idempotencyKeys.execute(key, URL, params, PaymentEffects.REFUNDS_REPLAYED, () -> {
			Refund refund = ledger.create(RefundCreation.from(params));
			effects.record(PaymentEffects.REFUNDS_CREATED);
			return refund.json();
		});
	}

	@GetMapping("/{id}")
	Map<String, Object> retrieve(@PathVariable String id) {
		return ledger.refund(id)
			.orElseThrow(() -> StripeException.notFound("id", "No such refund: '" + id + "'"))
			.json();
	}

	@GetMapping
	Map<String, Object> list(@RequestParam MultiValueMap<String, String> params) {
		StripeLists.requireKnown(params, LIST_PARAMS);
		String paymentIntent = StripeLists.param(params, "payment_intent");
		String charge = StripeLists.param(params, "charge");
		if (paymentIntent != null && ledger.intent(paymentIntent).isEmpty()) {
			throw StripeException.notFound("payment_intent", "No such payment_intent: '" + paymentIntent + "'");
		}
		// a charge's refunds are among its intent's: no need to sort the whole account
		List<Refund> refunds = paymentIntent == null && charge != null
				? ledger.intentOfCharge(charge).map(intent -> ledger.refunds(intent.id())).orElse(List.of())
				: ledger.refunds(paymentIntent);
		if (charge != null) {
			refunds = refunds.stream().filter(r -> r.charge().equals(charge)).toList();
		}
		return StripeLists.page(refunds, Refund::id, Refund::json, params, URL, "refund");
	}

	@PostMapping("/{id}/cancel")
	ResponseEntity<byte[]> cancel(@RequestHeader(name = IdempotencyKeys.IDEMPOTENCY_KEY, required = false) String key,
			@PathVariable String id, @RequestParam MultiValueMap<String, String> params) {
		return idempotencyKeys.execute(key, URL + "/" + id + "/cancel", params, PaymentEffects.REFUNDS_REPLAYED, () -> {
			StripeLists.requireKnown(params, Set.of("expand[]"));
			Refund canceled = ledger.cancel(id);
			effects.record(PaymentEffects.REFUNDS_CANCELED);
			return canceled.json();
		});
	}
}
