package io.retailhub.contracts;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The CRM identifier of a service case. Serialized as a bare JSON string. */
public record CaseId(@JsonValue String value) {

	public CaseId {
		value = Identifiers.requireText(value, "CaseId");
	}

	@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
	public static CaseId of(String value) {
		return new CaseId(value);
	}

	@Override
	public String toString() {
		return value;
	}
}
