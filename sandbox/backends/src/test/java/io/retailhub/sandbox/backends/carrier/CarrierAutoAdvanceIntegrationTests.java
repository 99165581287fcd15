package io.retailhub.sandbox.backends.carrier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

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
 * Parcels moving on their own ({@code sandbox.carrier.auto-advance-after}, short here): each new
 * tracker goes pre_transit, in_transit, out_for_delivery, delivered, each step announced, and then
 * stays delivered; a parcel a scan sent back to its sender stays there.
 */
@SpringBootTest(classes = SandboxBackendsApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.config.name=" + SandboxBackendsApplication.CONFIG_NAME, "spring.main.banner-mode=off",
				"sandbox.carrier.auto-advance-after=300ms", "sandbox.carrier.auto-advance-poll-interval=50ms",
				"sandbox.carrier.webhooks.retry.initial-backoff=100ms" })
class CarrierAutoAdvanceIntegrationTests {

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
		carrier.put("/admin/carrier/webhooks", "{\"url\":\"%s\"}".formatted(receiver.url())).expect(200);
	}

	@AfterEach
	void stop() {
		carrier.delete("/admin/carrier/webhooks");
		receiver.close();
	}

	@Test
	void movesANewTrackerStepByStepToDelivered() {
		// given
		String code = CarrierTestApi.newTrackingCode();

		// when
		String id = carrier.createTracker(code, "UPS").expect(200).json().path("id").asString();

		// then
		await().atMost(Duration.ofSeconds(10))
			.until(() -> "delivered".equals(tracker(id).path("status").asString()));
		JsonNode delivered = tracker(id);
		assertThat(delivered.path("finalized").asBoolean()).isTrue();
		assertThat(delivered.path("tracking_details").valueStream().map(d -> d.path("status").asString()))
			.containsExactly("pre_transit", "in_transit", "out_for_delivery", "delivered");
		await().atMost(Duration.ofSeconds(10)).until(() -> receiver.about(code).size() >= 4);
		assertThat(receiver.about(code)).extracting(Received::json)
			.extracting(e -> e.path("description").asString() + " " + e.path("result").path("status").asString())
			.containsExactly("tracker.created pre_transit", "tracker.updated in_transit",
					"tracker.updated out_for_delivery", "tracker.updated delivered");
		assertThat(carrier.scan(code, "{\"status\":\"in_transit\"}").status()).isEqualTo(409);
	}

	@Test
	void leavesATrackerAScanSentBackToItsSender() {
		// given
		String code = CarrierTestApi.newTrackingCode();
		String id = carrier.createTracker(code, "USPS").expect(200).json().path("id").asString();

		// when
		carrier.scan(code, "{\"status\":\"return_to_sender\"}").expect(200);

		// then it stays there, while a tracker created after it gets delivered
		String later = carrier.createTracker(CarrierTestApi.newTrackingCode(), "USPS").json().path("id").asString();
		await().atMost(Duration.ofSeconds(10))
			.until(() -> "delivered".equals(tracker(later).path("status").asString()));
		assertThat(tracker(id).path("status").asString()).isEqualTo("return_to_sender");
		assertThat(carrier.get("/admin/carrier/auto-advance").json().path("after").asString()).isEqualTo("PT0.3S");
	}

	private JsonNode tracker(String id) {
		return carrier.get("/carrier/v2/trackers/" + id).expect(200).json();
	}
}
