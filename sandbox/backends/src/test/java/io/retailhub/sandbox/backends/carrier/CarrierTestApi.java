package io.retailhub.sandbox.backends.carrier;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import io.retailhub.sandbox.backends.SandboxCredentials;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/**
 * The simulated carrier over HTTP as its tests call it: its API with the carrier's API key (HTTP
 * Basic, empty password) and its admin API, on a client for which every status is an answer to
 * assert on, never an exception.
 */
final class CarrierTestApi {

	private final RestClient http;

	CarrierTestApi(int port, SandboxCredentials credentials) {
		this.http = RestClient.builder()
			.baseUrl("http://localhost:" + port)
			.defaultHeader(HttpHeaders.AUTHORIZATION, basic(credentials.carrierApiKey()))
			.defaultStatusHandler(status -> true, (request, response) -> {
			})
			.build();
	}

	/** {@code Basic base64(<key>:)}, as {@code curl -u "<key>:"} sends it. */
	static String basic(String apiKey) {
		return "Basic " + Base64.getEncoder().encodeToString((apiKey + ":").getBytes(StandardCharsets.UTF_8));
	}

	/** A tracking code no other test uses. */
	static String newTrackingCode() {
		return "EZ" + System.nanoTime();
	}

	Answer createTracker(String trackingCode, String carrier) {
		String tracker = carrier == null ? "{\"tracking_code\":\"%s\"}".formatted(trackingCode)
				: "{\"tracking_code\":\"%s\",\"carrier\":\"%s\"}".formatted(trackingCode, carrier);
		return post("/carrier/v2/trackers", "{\"tracker\":" + tracker + "}");
	}

	Answer scan(String trackingCode, String scan) {
		return post("/admin/carrier/trackers/" + trackingCode + "/scans", scan);
	}

	Answer get(String path) {
		return answer(http.get().uri(path).retrieve().toEntity(String.class));
	}

	Answer post(String path, String body) {
		return answer(http.post().uri(path).contentType(MediaType.APPLICATION_JSON).body(body).retrieve()
			.toEntity(String.class));
	}

	Answer put(String path, String body) {
		return answer(http.put().uri(path).contentType(MediaType.APPLICATION_JSON).body(body).retrieve()
			.toEntity(String.class));
	}

	void delete(String path) {
		http.delete().uri(path).retrieve().toBodilessEntity();
	}

	private static Answer answer(ResponseEntity<String> entity) {
		return new Answer(entity.getStatusCode().value(), entity.getHeaders(),
				entity.getBody() == null ? JsonMapper.shared().missingNode() : JsonMapper.shared().readTree(entity.getBody()));
	}

	/** One answer: status, headers and JSON body. */
	record Answer(int status, HttpHeaders headers, JsonNode json) {

		Answer expect(int expected) {
			if (status != expected) {
				throw new AssertionError("expected " + expected + " but got " + status + ": " + json);
			}
			return this;
		}
	}
}
