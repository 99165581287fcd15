package io.retailhub.sandbox.backends.carrier;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.retailhub.sandbox.backends.SandboxBackendsApplication;
import io.retailhub.sandbox.backends.SandboxCredentials;
import io.retailhub.sandbox.backends.carrier.CarrierTestApi.Answer;
import io.retailhub.sandbox.backends.faults.Backend;
import io.retailhub.sandbox.backends.faults.Faults;
import io.retailhub.sandbox.backends.faults.RequestCounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/**
 * The simulated carrier's Trackers API over real HTTP, as an EasyPost client meets it: Basic auth
 * with the API key, trackers created once per tracking code and carrier, read and listed, refusals
 * in EasyPost's error envelope, scans moving a tracker until its final status, and an injected
 * outage.
 */
@SpringBootTest(classes = SandboxBackendsApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.config.name=" + SandboxBackendsApplication.CONFIG_NAME, "spring.main.banner-mode=off" })
class CarrierApiIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	SandboxCredentials credentials;

	@Autowired
	Faults faults;

	@Autowired
	RequestCounts requestCounts;

	CarrierTestApi carrier;

	@BeforeEach
	void client() {
		carrier = new CarrierTestApi(port, credentials);
	}

	@AfterEach
	void heal() {
		faults.clearAll();
	}

	@Test
	void refusesARequestWithoutTheApiKeyInEasyPostsErrorEnvelope() {
		// when
		ResponseEntity<String> anonymous = unauthenticated(null);
		ResponseEntity<String> wrongKey = unauthenticated(CarrierTestApi.basic("EZTK_wrong"));
		ResponseEntity<String> bearer = unauthenticated("Bearer " + credentials.carrierApiKey());

		// then
		assertThat(anonymous.getStatusCode().value()).isEqualTo(401);
		assertThat(anonymous.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Basic");
		JsonNode error = JsonMapper.shared().readTree(anonymous.getBody()).path("error");
		assertThat(error.path("code").asString()).isEqualTo("APIKEY.REQUIRED");
		assertThat(error.path("message").asString()).isNotBlank();
		assertThat(error.path("errors").isArray()).isTrue();
		assertThat(wrongKey.getStatusCode().value()).isEqualTo(401);
		assertThat(JsonMapper.shared().readTree(wrongKey.getBody()).path("error").path("code").asString())
			.isEqualTo("APIKEY.INVALID");
		assertThat(bearer.getStatusCode().value()).isEqualTo(401);
	}

	@Test
	void createsATrackerPreTransitWithItsLabelCreatedScan() {
		// given
		String code = CarrierTestApi.newTrackingCode();

		// when
		JsonNode tracker = carrier.createTracker(code, "USPS").expect(200).json();

		// then
		assertThat(tracker.path("id").asString()).matches("trk_[0-9a-f]{32}");
		assertThat(tracker.path("object").asString()).isEqualTo("Tracker");
		assertThat(tracker.path("mode").asString()).isEqualTo("test");
		assertThat(tracker.path("tracking_code").asString()).isEqualTo(code);
		assertThat(tracker.path("carrier").asString()).isEqualTo("USPS");
		assertThat(tracker.path("status").asString()).isEqualTo("pre_transit");
		assertThat(tracker.path("status_detail").asString()).isEqualTo("label_created");
		assertThat(tracker.path("finalized").asBoolean()).isFalse();
		assertThat(tracker.path("is_return").isBoolean()).isTrue();
		assertThat(tracker.has("signed_by")).isTrue();
		assertThat(tracker.path("public_url").asString()).startsWith("https://");
		assertThat(tracker.path("carrier_detail").path("object").asString()).isEqualTo("CarrierDetail");
		assertThat(tracker.path("created_at").asString()).endsWith("Z");
		assertThat(Instant.parse(tracker.path("est_delivery_date").asString()))
			.isAfter(Instant.parse(tracker.path("created_at").asString()));
		JsonNode detail = only(tracker.path("tracking_details"));
		assertThat(detail.path("object").asString()).isEqualTo("TrackingDetail");
		assertThat(detail.path("status").asString()).isEqualTo("pre_transit");
		assertThat(detail.path("status_detail").asString()).isEqualTo("label_created");
		assertThat(detail.path("source").asString()).isEqualTo("USPS");
		assertThat(detail.path("tracking_location").path("object").asString()).isEqualTo("TrackingLocation");
	}

	@Test
	void answersTheOriginalTrackerForTheSameTrackingCodeAndCarrier() {
		// given
		String code = CarrierTestApi.newTrackingCode();
		JsonNode original = carrier.createTracker(code, "FedEx").expect(200).json();

		// when
		JsonNode again = carrier.createTracker(code, "FedEx").expect(200).json();
		JsonNode elsewhere = carrier.createTracker(code, "UPS").expect(200).json();

		// then
		assertThat(again).isEqualTo(original);
		assertThat(elsewhere.path("id").asString()).isNotEqualTo(original.path("id").asString());
	}

	@Test
	void takesATrackerWithoutCarrierToBeUsps() {
		// given
		String code = CarrierTestApi.newTrackingCode();

		// when
		JsonNode tracker = carrier.createTracker(code, null).expect(200).json();

		// then
		assertThat(tracker.path("carrier").asString()).isEqualTo("USPS");
		assertThat(carrier.createTracker(code, "USPS").json().path("id")).isEqualTo(tracker.path("id"));
	}

	@Test
	void refusesATrackerWithoutAUsableTrackingCode() {
		// when
		Answer missing = carrier.post("/carrier/v2/trackers", "{\"tracker\":{\"carrier\":\"USPS\"}}");
		Answer blank = carrier.createTracker("  ", "USPS");
		Answer tooLong = carrier.createTracker("EZ" + "1".repeat(Trackers.MAX_TRACKING_CODE), "USPS");
		Answer noTracker = carrier.post("/carrier/v2/trackers", "{}");
		Answer notJson = carrier.post("/carrier/v2/trackers", "{\"tracker\":");

		// then
		for (Answer refused : List.of(missing, blank, tooLong)) {
			assertThat(refused.status()).isEqualTo(422);
			JsonNode error = refused.json().path("error");
			assertThat(error.path("code").asString()).isEqualTo("TRACKER.CREATE.ERROR");
			assertThat(error.path("message").asString()).isEqualTo("Unable to create tracker.");
			assertThat(only(error.path("errors")).path("field").asString()).isEqualTo("tracking_code");
			assertThat(only(error.path("errors")).has("suggestion")).isTrue();
		}
		assertThat(only(missing.json().path("error").path("errors")).path("message").asString())
			.isEqualTo("must be present");
		assertThat(noTracker.status()).isEqualTo(422);
		assertThat(notJson.status()).isEqualTo(400);
		assertThat(notJson.json().path("error").path("code").asString()).isEqualTo("BAD_REQUEST");
	}

	@Test
	void readsATrackerByIdAndAnswersAnUnknownOne404InTheEnvelope() {
		// given
		JsonNode created = carrier.createTracker(CarrierTestApi.newTrackingCode(), "USPS").json();

		// when
		Answer found = carrier.get("/carrier/v2/trackers/" + created.path("id").asString());
		Answer unknown = carrier.get("/carrier/v2/trackers/trk_00000000000000000000000000000000");

		// then
		assertThat(found.expect(200).json()).isEqualTo(created);
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.json().path("error").path("code").asString()).isEqualTo("NOT_FOUND");
		assertThat(unknown.json().path("error").path("errors").isArray()).isTrue();
	}

	@Test
	void listsTrackersNewestFirstByTrackingCodesOnePageAtATime() {
		// given three trackers, and one the list must leave out
		List<String> codes = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			codes.add(CarrierTestApi.newTrackingCode());
			carrier.createTracker(codes.get(i), "USPS").expect(200);
		}
		carrier.createTracker(CarrierTestApi.newTrackingCode(), "USPS").expect(200);
		String query = "/carrier/v2/trackers?tracking_codes=" + String.join(",", codes);

		// when
		JsonNode first = carrier.get(query + "&page_size=2").expect(200).json();
		String last = first.path("trackers").get(1).path("id").asString();
		JsonNode second = carrier.get(query + "&page_size=2&before_id=" + last).expect(200).json();

		// then
		assertThat(first.path("has_more").asBoolean()).isTrue();
		assertThat(first.path("trackers").valueStream().map(t -> t.path("tracking_code").asString()))
			.containsExactly(codes.get(2), codes.get(1));
		assertThat(second.path("has_more").asBoolean()).isFalse();
		assertThat(only(second.path("trackers")).path("tracking_code").asString()).isEqualTo(codes.get(0));
		assertThat(carrier.get("/carrier/v2/trackers?page_size=0").status()).isEqualTo(422);
		assertThat(carrier.get("/carrier/v2/trackers?page_size=101").json().path("error").path("code").asString())
			.isEqualTo("PARAMETER.INVALID");
	}

	@Test
	void aScanAppendsATrackingDetailAndMovesTheTracker() {
		// given
		String code = CarrierTestApi.newTrackingCode();
		JsonNode created = carrier.createTracker(code, "USPS").json();

		// when
		JsonNode scanned = carrier.scan(code, """
				{"status":"in_transit","statusDetail":"departed_facility","city":"Memphis","state":"TN",
				 "country":"US","zip":"38118"}""").expect(200).json();

		// then
		assertThat(scanned.path("id")).isEqualTo(created.path("id"));
		assertThat(scanned.path("status").asString()).isEqualTo("in_transit");
		assertThat(scanned.path("status_detail").asString()).isEqualTo("departed_facility");
		assertThat(Instant.parse(scanned.path("updated_at").asString()))
			.isAfterOrEqualTo(Instant.parse(created.path("updated_at").asString()));
		assertThat(scanned.path("tracking_details").size()).isEqualTo(2);
		JsonNode detail = scanned.path("tracking_details").get(1);
		assertThat(detail.path("status").asString()).isEqualTo("in_transit");
		assertThat(detail.path("message").asString()).isNotBlank();
		assertThat(detail.path("tracking_location").path("city").asString()).isEqualTo("Memphis");
		assertThat(carrier.get("/carrier/v2/trackers/" + created.path("id").asString()).json()).isEqualTo(scanned);
	}

	@Test
	void refusesAScanAfterAFinalStatus() {
		// given a parcel sent back to its sender
		String code = CarrierTestApi.newTrackingCode();
		carrier.createTracker(code, "USPS");
		JsonNode returned = carrier.scan(code, "{\"status\":\"return_to_sender\"}").expect(200).json();

		// when
		Answer refused = carrier.scan(code, "{\"status\":\"delivered\"}");

		// then
		assertThat(returned.path("finalized").asBoolean()).isTrue();
		assertThat(returned.path("status_detail").asString()).isEqualTo("return");
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.json().path("error").path("code").asString()).isEqualTo("TRACKER.FINALIZED");
		assertThat(carrier.get("/carrier/v2/trackers/" + returned.path("id").asString()).json().path("status")
			.asString()).isEqualTo("return_to_sender");
	}

	@Test
	void refusesAScanOfAnUnknownStatusOrParcel() {
		// given
		String code = CarrierTestApi.newTrackingCode();
		carrier.createTracker(code, "USPS");

		// when
		Answer misspelled = carrier.scan(code, "{\"status\":\"canceled\"}");
		Answer noStatus = carrier.scan(code, "{\"city\":\"Memphis\"}");
		Answer unknownParcel = carrier.scan(CarrierTestApi.newTrackingCode(), "{\"status\":\"in_transit\"}");

		// then
		assertThat(misspelled.status()).isEqualTo(422);
		assertThat(only(misspelled.json().path("error").path("errors")).path("field").asString()).isEqualTo("status");
		assertThat(noStatus.status()).isEqualTo(422);
		assertThat(unknownParcel.status()).isEqualTo(404);
		assertThat(unknownParcel.json().path("error").path("code").asString()).isEqualTo("NOT_FOUND");
	}

	@Test
	void anOutageAnswersInEasyPostsErrorEnvelopeAndIsCounted() {
		// given
		carrier.put("/admin/faults/carrier", "{\"outage\":true}").expect(200);
		long before = requestCounts.count(Backend.CARRIER, "POST");

		// when
		Answer down = carrier.createTracker(CarrierTestApi.newTrackingCode(), "USPS");

		// then
		assertThat(down.status()).isEqualTo(503);
		assertThat(down.headers().getFirst("Retry-After")).isEqualTo("5");
		assertThat(down.json().path("error").path("code").asString()).isEqualTo("SERVICE.UNAVAILABLE");
		assertThat(down.json().path("error").path("errors").isArray()).isTrue();
		assertThat(requestCounts.count(Backend.CARRIER, "POST")).isEqualTo(before + 1);
		carrier.delete("/admin/faults/carrier");
		assertThat(carrier.createTracker(CarrierTestApi.newTrackingCode(), "USPS").status()).isEqualTo(200);
	}

	private ResponseEntity<String> unauthenticated(String authorization) {
		RestClient.RequestBodySpec request = RestClient.builder()
			.baseUrl("http://localhost:" + port)
			.defaultStatusHandler(status -> true, (req, response) -> {
			})
			.build()
			.post()
			.uri("/carrier/v2/trackers")
			.contentType(MediaType.APPLICATION_JSON);
		if (authorization != null) {
			request.header(HttpHeaders.AUTHORIZATION, authorization);
		}
		return request.body("{\"tracker\":{\"tracking_code\":\"EZ1000000001\"}}").retrieve().toEntity(String.class);
	}

	private static JsonNode only(JsonNode array) {
		assertThat(array.size()).isEqualTo(1);
		return array.get(0);
	}
}
