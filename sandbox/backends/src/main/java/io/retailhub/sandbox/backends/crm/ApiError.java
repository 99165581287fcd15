package io.retailhub.sandbox.backends.crm;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One element of a Salesforce error body, which is always a JSON array of these.
 * {@code fields} is left out when Salesforce leaves it out.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ApiError(String message, String errorCode, List<String> fields) {

	static ApiError of(String errorCode, String message) {
		return new ApiError(message, errorCode, null);
	}

	static ApiError onFields(String errorCode, String message, List<String> fields) {
		return new ApiError(message, errorCode, List.copyOf(fields));
	}
}
