package io.retailhub.experience.timeline;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Optional;

import tools.jackson.databind.JsonNode;
import io.retailhub.web.JdkHttpClients;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * The order lookup over HTTP, with the {@link RestClient.Builder} the application configures
 * (which carries the service's client-credentials token when security is on).
 */
@Component
class SystemApiOrderLookupClient implements OrderLookupClient {

	private final RestClient http;

	private final JsonMapper json;

	SystemApiOrderLookupClient(RestClient.Builder builder, JsonMapper json,
			@Value("${retailhub.system-api.base-url:http://localhost:8081}") String baseUrl) {
		this.http = builder.clone()
			.baseUrl(baseUrl)
			.requestFactory(
					JdkHttpClients.requestFactory(Duration.ofSeconds(2), Duration.ofSeconds(5), HttpClient.Version.HTTP_1_1))
			.build();
		this.json = json;
	}

	@Override
	public Optional<JsonNode> order(String orderId) {
		return this.http.get()
			.uri("/api/system/v1/orders/{id}?include=shipments", orderId)
			.exchange((request, response) -> {
				if (response.getStatusCode().value() == HttpStatus.NOT_FOUND.value()) {
					return Optional.empty();
				}
				if (!response.getStatusCode().is2xxSuccessful()) {
					throw new IllegalStateException("system API answered " + response.getStatusCode().value()
							+ " to the lookup of order " + orderId);
				}
				return Optional.of(this.json.readTree(response.getBody()));
			});
	}

}
