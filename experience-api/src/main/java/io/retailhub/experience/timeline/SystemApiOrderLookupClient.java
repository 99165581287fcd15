package io.retailhub.experience.timeline;

import java.util.Optional;

import io.retailhub.contracts.OrderId;
import io.retailhub.experience.downstream.DownstreamException;
import io.retailhub.experience.downstream.SystemApiClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * The order lookup through experience-api's system API client (its client-credentials token,
 * correlation ID and time limits): the order with its shipments.
 */
@Component
class SystemApiOrderLookupClient implements OrderLookupClient {

	private final SystemApiClient systemApi;

	private final JsonMapper json;

	SystemApiOrderLookupClient(SystemApiClient systemApi, JsonMapper json) {
		this.systemApi = systemApi;
		this.json = json;
	}

	@Override
	public Optional<JsonNode> order(String orderId) {
		try {
			return Optional.of(this.json.valueToTree(this.systemApi.order(OrderId.of(orderId), "shipments")));
		}
		catch (DownstreamException ex) {
			if (ex.notFound()) {
				return Optional.empty();
			}
			throw ex;
		}
	}

}
