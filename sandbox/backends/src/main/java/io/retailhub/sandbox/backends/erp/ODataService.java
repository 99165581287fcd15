package io.retailhub.sandbox.backends.erp;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.JsonNode;

/**
 * One simulated OData service ({@code API_SALES_ORDER_SRV}, ...): its model and how to read,
 * create and invoke. {@link ODataController} does the protocol (paths, query options, envelopes,
 * errors); implementations only know their documents.
 */
interface ODataService {

	Edm.Service model();

	/** Every entity of an entity set, in the order the backend lists them (document number). */
	List<ODataEntity> entities(String entitySet);

	/**
	 * The entities of a set that may meet every one of the {@code required} equalities, in the
	 * order of {@link #entities(String)}: each entity of the set that meets them all must be among
	 * them; others may be too (the caller still tests its whole filter). By default the whole set;
	 * services override it to answer from an index, building entities only for the candidates.
	 */
	default List<ODataEntity> entities(String entitySet, List<ODataFilter.Equality> required) {
		return entities(entitySet);
	}

	/** One entity by its key values; empty when there is none. */
	default Optional<ODataEntity> entity(String entitySet, Map<String, String> key) {
		return entities(entitySet, ODataFilter.Equality.of(key)).stream().filter(e -> e.hasKey(key)).findFirst();
	}

	/** A deep insert; answers the created entity with its navigations filled. */
	default ODataEntity create(String entitySet, JsonNode body) {
		throw ODataException.notImplemented("CREATE_ENTITY", entitySet);
	}

	/**
	 * A MERGE/PATCH of one entity: the changed properties as text (already checked against the
	 * metadata) and the client's {@code If-Match}. Answers the entity as it is afterwards.
	 */
	default ODataEntity update(String entitySet, Map<String, String> key, Map<String, String> changes,
			String ifMatch) {
		throw ODataException.notImplemented("UPDATE_ENTITY", entitySet);
	}

	/** A function import called with its (already unquoted) parameters. */
	default Object invoke(Edm.FunctionImport function, Map<String, String> parameters) {
		throw ODataException.resourceNotFound(function.name());
	}
}
