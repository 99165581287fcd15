package io.retailhub.sandbox.backends.carrier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import io.retailhub.sandbox.backends.SandboxBackendsApplication;
import io.retailhub.sandbox.backends.SandboxCredentials;
import io.retailhub.sandbox.backends.carrier.TrackerWebhookReceiver.Received;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The carrier pushing EasyPost Event webhooks over real HTTP to a test subscriber:
 * {@code tracker.created} and {@code tracker.updated} envelopes whose {@code result} is the
 * tracker, signed as EasyPost signs them ({@code X-Hmac-Signature}) and verifiable by the
 * subscriber with its secret, and delivered again after a failed attempt. Retries are fast here.
 */
@SpringBootTest(classes = SandboxBackendsApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.config.name=" + SandboxBackendsApplication.CONFIG_NAME, "spring.main.banner-mode=off",
				"sandbox.carrier.webhooks.retry.initial-backoff=100ms",
				"sandbox.carrier.webhooks.retry.max-backoff=400ms", "sandbox.carrier.webhooks.retry.max-age=10s" })
class CarrierWebhooksIntegrationTests {

	private static final String SECRET = "sécret du destinataire";

	@LocalServerPort
	int port;

	@Autowired
	SandboxCredentials credentials;

	CarrierTestApi carrier;

	TrackerWebhookReceiver receiver;

	@BeforeEach
	void subscribe() {
		carrier = new CarrierTestApi(port, credentials);
		receiver = new TrackerWebhookReceiver();
		carrier.put("/admin/carrier/webhooks", "{\"url\":\"%s\",\"secret\":\"%s\"}".formatted(receiver.url(), SECRET))
			.expect(200);
	}

	@AfterEach
	void stop() {
		carrier.delete("/admin/carrier/webhooks");
		receiver.close();
	}

	@Test
	void announcesANewTrackerWithASignedTrackerCreatedEvent() {
		// given
		String code = CarrierTestApi.newTrackingCode();

		// when
		JsonNode tracker = carrier.createTracker(code, "USPS").expect(200).json();

		// then
		Received delivery = awaitDeliveries(code, 1).get(0);
		assertThat(delivery.contentType()).isEqualTo("application/json");
		assertThat(delivery.signature()).isEqualTo(HmacSignature.header(SECRET, delivery.body()));
		JsonNode event = delivery.json();
		assertThat(event.path("id").asString()).matches("evt_[0-9a-f]{32}");
		assertThat(event.path("object").asString()).isEqualTo("Event");
		assertThat(event.path("description").asString()).isEqualTo("tracker.created");
		assertThat(event.path("mode").asString()).isEqualTo("test");
		assertThat(event.path("previous_attributes").isObject()).isTrue();
		assertThat(event.path("previous_attributes").isEmpty()).isTrue();
		assertThat(event.path("created_at").asString()).endsWith("Z");
		assertThat(event.path("updated_at").asString()).isEqualTo(event.path("created_at").asString());
		assertThat(event.path("result")).isEqualTo(tracker);
	}

	@Test
	void announcesAScanWithATrackerUpdatedEventNamingThePreviousStatus() {
		// given
		String code = CarrierTestApi.newTrackingCode();
		carrier.createTracker(code, "USPS").expect(200);

		// when
		JsonNode scanned = carrier.scan(code, "{\"status\":\"in_transit\",\"statusDetail\":\"departed_facility\"}")
			.expect(200)
			.json();

		// then
		Received update = awaitDeliveries(code, 2).get(1);
		JsonNode event = update.json();
		assertThat(update.signature()).isEqualTo(HmacSignature.header(SECRET, update.body()));
		assertThat(event.path("description").asString()).isEqualTo("tracker.updated");
		assertThat(event.path("previous_attributes").path("status").asString()).isEqualTo("pre_transit");
		assertThat(event.path("result")).isEqualTo(scanned);
		assertThat(event.path("result").path("status").asString()).isEqualTo("in_transit");
	}

	@Test
	void deliversAgainWithTheSameEventAndSignatureAfterAFailedAttempt() {
		// given a subscriber failing twice
		receiver.answering(500, 503);
		String code = CarrierTestApi.newTrackingCode();

		// when
		carrier.createTracker(code, "USPS").expect(200);

		// then
		List<Received> attempts = awaitDeliveries(code, 3);
		assertThat(attempts).extracting(Received::answered).containsExactly(500, 503, 200);
		assertThat(attempts).extracting(Received::signature).containsOnly(attempts.get(0).signature());
		assertThat(attempts).extracting(r -> r.json().path("id").asString()).containsOnly(
				attempts.get(0).json().path("id").asString());
		String eventId = attempts.get(0).json().path("id").asString();
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(logged(eventId).path("state").asString()).isEqualTo("DELIVERED"));
		assertThat(logged(eventId).path("attempts").asInt()).isEqualTo(3);
	}

	@Test
	void announcesNothingWhenTheOriginalTrackerIsAnswered() {
		// given
		String code = CarrierTestApi.newTrackingCode();
		carrier.createTracker(code, "USPS").expect(200);
		awaitDeliveries(code, 1);

		// when
		carrier.createTracker(code, "USPS").expect(200);
		carrier.scan(code, "{\"status\":\"in_transit\"}").expect(200);

		// then the next event is the scan's, not a second tracker.created
		List<Received> deliveries = awaitDeliveries(code, 2);
		assertThat(deliveries).extracting(r -> r.json().path("description").asString())
			.containsExactly("tracker.created", "tracker.updated");
	}

	@Test
	void refusesASubscriptionToSomethingOtherThanAnHttpUrl() {
		assertThat(carrier.put("/admin/carrier/webhooks", "{\"url\":\"ftp://example.com/hooks\"}").status())
			.isEqualTo(422);
		assertThat(carrier.put("/admin/carrier/webhooks", "{\"secret\":\"x\"}").status()).isEqualTo(422);
	}

	/** The event's line of the delivery log. */
	private JsonNode logged(String eventId) {
		return carrier.get("/admin/carrier/webhooks/deliveries")
			.expect(200)
			.json()
			.valueStream()
			.filter(d -> eventId.equals(d.path("id").asString()))
			.findFirst()
			.orElseThrow();
	}

	private List<Received> awaitDeliveries(String code, int count) {
		await().atMost(Duration.ofSeconds(10)).until(() -> receiver.about(code).size() >= count);
		return receiver.about(code);
	}
}
