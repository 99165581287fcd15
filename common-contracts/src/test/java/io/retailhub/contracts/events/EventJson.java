package io.retailhub.contracts.events;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Jackson 3 mapper as strict as a consumer can be: it fails on unknown members unless the
 * payload itself says to ignore them, so the tests prove the payload annotations, not a lenient
 * mapper default.
 */
final class EventJson {

	static final JsonMapper MAPPER = JsonMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	private EventJson() {
	}

	static String write(DomainEvent event) {
		return MAPPER.writeValueAsString(event);
	}
}
