package io.retailhub.sandbox.backends.crm;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Read access to the org's records for query execution; called while the org holds its lock.
 * Lists answer records in creation order, the order of {@link #all}.
 */
interface RecordSource {

	Collection<Map<String, Object>> all(SObjectType type);

	/** The record, or null when there is none. */
	Map<String, Object> byId(SObjectType type, String id);

	/**
	 * At least every record with {@code field = value} for one of these non-null values, as SOQL
	 * compares; empty when the field has no index (then only {@link #all} answers).
	 */
	Optional<List<Map<String, Object>>> candidates(SObjectType type, Field field, Collection<String> values);

	/**
	 * At least every record whose lookup field names one of these records, given by their
	 * 18-character Ids; empty when the lookup has no index.
	 */
	Optional<List<Map<String, Object>>> referencing(SObjectType type, Field lookup, Collection<String> parentIds);
}
