package io.retailhub.system.webhooks;

import jakarta.servlet.http.HttpServletResponse;

import io.retailhub.contracts.problems.Headers;
import io.retailhub.system.webhooks.WarehouseWebhookManagement.WebhookAcknowledgement;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where backends push their webhooks. Authenticated by the HMAC signature, not by a token: the
 * body is taken as raw bytes, because the signature covers exactly those.
 * <ul>
 * <li>200: published, or already published (a redelivery), or a type the hub ignores;</li>
 * <li>400: signed, but not a readable event;</li>
 * <li>401: signature missing, malformed, wrong or older than the tolerance;</li>
 * <li>503: Kafka did not take the event; deliver again later (nothing was accepted).</li>
 * </ul>
 */
@RestController
@RequestMapping("/api/system/v1/webhooks")
@Tag(name = "Webhooks", description = "Signed pushes from backends, turned into hub events")
class WarehouseWebhookController {

	static final String SIGNATURE_HEADER = "X-WMS-Signature";

	private final WarehouseWebhookManagement webhooks;

	WarehouseWebhookController(WarehouseWebhookManagement webhooks) {
		this.webhooks = webhooks;
	}

	@PostMapping("/warehouse")
	@Operation(summary = "A WMS event, signed with X-WMS-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of t.body>; "
			+ "return_receipt.created becomes ReturnReceived on retail.returns.v1")
	WebhookAcknowledgement warehouse(@RequestHeader(name = SIGNATURE_HEADER, required = false) String signature,
			@RequestBody(required = false) byte[] body, HttpServletResponse response) {
		return webhooks.receive(signature, body == null ? new byte[0] : body,
				response.getHeader(Headers.CORRELATION_ID));
	}
}
