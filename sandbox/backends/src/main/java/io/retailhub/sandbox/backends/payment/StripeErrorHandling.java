package io.retailhub.sandbox.backends.payment;

import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Answers the simulated Stripe API's refusals in Stripe's error dialect, never as problem+json. */
@RestControllerAdvice(assignableTypes = { RefundController.class, PaymentIntentController.class })
class StripeErrorHandling {

	@ExceptionHandler(StripeException.class)
	ResponseEntity<Map<String, Object>> refused(StripeException ex) {
		return ResponseEntity.status(ex.status()).body(ex.body());
	}
}
