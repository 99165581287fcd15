package io.retailhub.system.erp;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * OData V2 verbose-JSON envelopes. Every record reads tolerantly: SAP adds fields over releases,
 * and the system API's strict {@code fail-on-unknown-properties} is meant for the hub's own
 * callers, not for a vendor's answers.
 */
final class OData {

	private OData() {
	}

	/** One entity: {@code {"d": {...}}}. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record Entry<T>(T d) {
	}

	/** A collection: {@code {"d": {"results": [...], "__count": "91"}}}. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record Feed<T>(Results<T> d) {

		List<T> results() {
			return d == null || d.results() == null ? List.of() : d.results();
		}
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Results<T>(List<T> results, @JsonProperty("__count") String count) {
	}

	/**
	 * A navigation property: {@code {"results": [...]}} when expanded, {@code {"__deferred":
	 * {...}}} (no results) when not.
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record Navigation<T>(List<T> results) {

		static <T> List<T> of(Navigation<T> navigation) {
			return navigation == null || navigation.results() == null ? List.of() : navigation.results();
		}
	}

	/** Gateway's error body: {@code {"error": {"code": "V1/302", "message": {"lang", "value"}, ...}}}. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record ErrorBody(Error error) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Error(String code, Message message) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Message(String lang, String value) {
	}
}
