package io.retailhub.process.e2e;

import java.util.Map;
import java.util.UUID;

import io.retailhub.contracts.problems.Headers;
import tools.jackson.databind.JsonNode;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/** The process API under test, over HTTP, answering raw JSON so tests see what clients see. */
public final class ProcessApi {

	private final RestClient http;

	public ProcessApi(int port) {
		this.http = HubSandbox.withServiceToken()
			.baseUrl("http://localhost:" + port + "/api/process/v1")
			.defaultStatusHandler(status -> true, (request, response) -> {
			})
			.build();
	}

	/** {@code POST /returns} with a body given as a map (so tests can send what a record would refuse). */
	public ResponseEntity<JsonNode> requestReturn(String idempotencyKey, Object body) {
		RestClient.RequestBodySpec request = http.post().uri("/returns").contentType(MediaType.APPLICATION_JSON);
		if (idempotencyKey != null) {
			request = request.header(Headers.IDEMPOTENCY_KEY, idempotencyKey);
		}
		return request.body(body).retrieve().toEntity(JsonNode.class);
	}

	/** {@code POST /returns} as a caller in the trace {@code traceparent} names (W3C trace context). */
	public ResponseEntity<JsonNode> requestReturnInTrace(String traceparent, String idempotencyKey, String orderId,
			String channel, Map<String, Object>... lines) {
		return http.post()
			.uri("/returns")
			.contentType(MediaType.APPLICATION_JSON)
			.header(Headers.IDEMPOTENCY_KEY, idempotencyKey)
			.header("traceparent", traceparent)
			.body(Map.of("orderId", orderId, "channel", channel, "lines", lines))
			.retrieve()
			.toEntity(JsonNode.class);
	}

	public ResponseEntity<JsonNode> requestReturn(String idempotencyKey, String orderId, String channel,
			Map<String, Object>... lines) {
		return requestReturn(idempotencyKey, Map.of("orderId", orderId, "channel", channel, "lines", lines));
	}

	public static Map<String, Object> line(String lineNumber, int quantity, String reason) {
		return Map.of("lineNumber", lineNumber, "quantity", quantity, "reason", reason);
	}

	public JsonNode returnOf(Object id) {
		return http.get().uri("/returns/{id}", id).retrieve().body(JsonNode.class);
	}

	public ResponseEntity<JsonNode> get(String path, Object... variables) {
		return http.get().uri(path, variables).retrieve().toEntity(JsonNode.class);
	}

	public ResponseEntity<JsonNode> cancel(Object id) {
		return http.post()
			.uri("/returns/{id}/cancel", id)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("reason", "changed my mind"))
			.retrieve()
			.toEntity(JsonNode.class);
	}

	/** {@code POST /returns/{id}/resume}: a person decided about a return that required action. */
	public ResponseEntity<JsonNode> resume(Object id) {
		return http.post().uri("/returns/{id}/resume", id).retrieve().toEntity(JsonNode.class);
	}

	public JsonNode workflow(Object id) {
		return http.get().uri("/workflows/{id}", id).retrieve().body(JsonNode.class);
	}

	public JsonNode refund(Object id) {
		return http.get().uri("/refunds/{id}", id).retrieve().body(JsonNode.class);
	}

	/** {@code POST path} with JSON (null for none) and extra headers, e.g. {@code X-Acting-User}. */
	public ResponseEntity<JsonNode> post(String path, Map<String, String> headers, Object body) {
		RestClient.RequestBodySpec request = http.post().uri(path);
		headers.forEach(request::header);
		if (body != null) {
			request = request.contentType(MediaType.APPLICATION_JSON).body(body);
		}
		return request.retrieve().toEntity(JsonNode.class);
	}

	public static String newKey() {
		return "test-" + UUID.randomUUID();
	}
}
