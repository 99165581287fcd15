package io.retailhub.system.webhooks;

import io.retailhub.system.support.SystemApiHttp;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/**
 * Webhooks as the WMS sends them, written and signed by the test itself (independently of the
 * system API's code): the Stripe-style {@code X-WMS-Signature: t=<unix seconds>,v1=<hex>}, an
 * HMAC-SHA256 of {@code t + "." + body}.
 */
final class WmsWebhooks {

	/** The system API's and the sandbox's local default secret. */
	static final String SECRET = "whsec_sandbox_wms";

	private WmsWebhooks() {
	}

	static String eventId() {
		return "evt_" + UUID.randomUUID().toString().replace("-", "");
	}

	static String rmaNumber() {
		return "6" + String.format("%09d", Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 1_000_000_000L));
	}

	/** A {@code return_receipt.created} event: one line, two units expected, all received, one damaged. */
	static String receiptCreated(String eventId, String rmaNumber, String orderNumber, long sequence) {
		return """
				{"id":"%s","type":"return_receipt.created","created_at":"2026-03-20T10:15:00Z",
				 "data":{"receipt_id":"RCPT-%s","rma_number":"%s","order_number":"%s","warehouse_id":"DC-EAST",
				  "received_at":"2026-03-20T10:14:59Z","sequence":%d,"some_future_member":{"x":1},
				  "lines":[{"line_number":"10","sku":"MAT-1001","quantity_expected":2,"quantity_received":2,
				   "quantity_damaged":1,"quantity_rejected":0,"quantity_restocked":1}]}}"""
			.formatted(eventId, eventId, rmaNumber, orderNumber, sequence);
	}

	static String signature(String secret, Instant at, String body) {
		try {
			long timestamp = at.getEpochSecond();
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			byte[] hmac = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
			return "t=" + timestamp + ",v1=" + HexFormat.of().formatHex(hmac);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static String signature(String body) {
		return signature(SECRET, Instant.now(), body);
	}

	/**
	 * Delivers a webhook to a system API as the WMS would: signed, with no bearer token; any answer
	 * is returned, none thrown.
	 */
	static ResponseEntity<String> deliver(String systemApiUrl, String body, String signature, String correlationId) {
		RestClient.RequestBodySpec request = SystemApiHttp.anonymous(systemApiUrl)
			.post()
			.uri("/api/system/v1/webhooks/warehouse")
			.contentType(MediaType.APPLICATION_JSON);
		if (signature != null) {
			request.header(WarehouseWebhookController.SIGNATURE_HEADER, signature);
		}
		if (correlationId != null) {
			request.header("X-Correlation-Id", correlationId);
		}
		return request.body(body).retrieve().toEntity(String.class);
	}
}
