package io.retailhub.system.webhooks;

import static io.retailhub.system.support.SystemApiHttp.jsonOf;

import java.util.ArrayList;
import java.util.List;

import io.retailhub.system.support.Sandbox;
import io.retailhub.system.support.SystemApiHttp;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/** The sandbox WMS's admin API over HTTP, as a person or the launcher uses it. */
final class SandboxWarehouse {

	private final RestClient admin = SystemApiHttp.client(Sandbox.baseUrl() + "/admin/warehouse");

	/** Subscribes the system API on this port, with the secret both sides default to. */
	void subscribe(int systemApiPort) {
		subscribe("http://localhost:" + systemApiPort + "/api/system/v1/webhooks/warehouse");
	}

	void subscribe(String url) {
		put("/webhooks", "{\"url\":\"" + url + "\"}");
	}

	void chaos(String json) {
		put("/webhooks/chaos", json);
	}

	void calm() {
		admin.delete().uri("/webhooks/chaos").retrieve().toBodilessEntity();
	}

	void autoReceiveAfter(String after) {
		put("/auto-receive", "{\"after\":\"" + after + "\"}");
	}

	/** Receives a parcel for the RMA; answers the receipt (snake_case WMS JSON). */
	JsonNode receive(String rmaNumber, String body) {
		RestClient.RequestBodySpec request = admin.post().uri("/rmas/{rma}/receive", rmaNumber);
		if (body != null) {
			request.contentType(MediaType.APPLICATION_JSON).body(body);
		}
		ResponseEntity<String> received = request.retrieve().toEntity(String.class);
		if (received.getStatusCode().value() != 201) {
			throw new AssertionError("the WMS did not receive RMA " + rmaNumber + ": " + received.getBody());
		}
		return jsonOf(received);
	}

	List<JsonNode> deliveries() {
		List<JsonNode> all = new ArrayList<>();
		JsonMapper.shared().readTree(admin.get().uri("/webhooks/deliveries").retrieve().body(String.class))
			.forEach(all::add);
		return all;
	}

	/** The log entries of one WMS event, the original first. */
	List<JsonNode> deliveriesOf(String webhookId) {
		return deliveries().stream().filter(d -> d.path("id").asString().equals(webhookId)).toList();
	}

	private void put(String path, String json) {
		ResponseEntity<String> answer = admin.put().uri(path).contentType(MediaType.APPLICATION_JSON).body(json)
			.retrieve().toEntity(String.class);
		if (answer.getStatusCode().value() != 200) {
			throw new AssertionError("PUT /admin/warehouse" + path + " answered " + answer.getBody());
		}
	}
}
