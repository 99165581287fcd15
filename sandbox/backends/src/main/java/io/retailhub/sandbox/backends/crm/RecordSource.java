package io.retailhub.sandbox.backends.crm;

import java.util.Collection;
import java.util.Map;

/** Read access to the org's records for query execution; called while the org holds its lock. */
interface RecordSource {

	Collection<Map<String, Object>> all(SObjectType type);

	/** The record, or null when there is none. */
	Map<String, Object> byId(SObjectType type, String id);
}
