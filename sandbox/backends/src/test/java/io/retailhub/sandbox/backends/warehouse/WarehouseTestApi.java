package io.retailhub.sandbox.backends.warehouse;

import io.retailhub.sandbox.backends.SandboxCredentials;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/**
 * The simulated WMS over HTTP as its tests call it: its API with the warehouse's API key and its
 * admin switches, on a client for which every status is an answer to assert on, never an exception.
 */
final class WarehouseTestApi {

	private WarehouseTestApi() {
	}

	/** A client for the sandbox on {@code port}, sending the warehouse's API key, that never throws on a status. */
	static RestClient client(int port, SandboxCredentials credentials) {
		return RestClient.builder()
			.baseUrl("http://localhost:" + port)
			.defaultHeader("X-Api-Key", credentials.warehouseApiKey())
			.defaultStatusHandler(status -> true, (request, response) -> {
			})
			.build();
	}

	/** Receives every new customer return {@code after} it was created ({@code "0s"}: auto-receive off). */
	static ResponseEntity<String> autoReceiveAfter(RestClient sandbox, String after) {
		return sandbox.put()
			.uri("/admin/warehouse/auto-receive")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"after\":\"" + after + "\"}")
			.retrieve()
			.toEntity(String.class);
	}

	/** The receipts the warehouse recorded against an RMA. */
	static JsonNode receipts(RestClient sandbox, String rma) {
		return JsonMapper.shared()
			.readTree(sandbox.get().uri("/warehouse/api/v1/return-receipts?rma_number={rma}", rma).retrieve()
				.body(String.class))
			.path("data");
	}
}
