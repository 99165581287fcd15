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

	/** One entity by its key values; empty when there is none. */
	default Optional<ODataEntity> entity(String entitySet, Map<String, String> key) {
		return entities(entitySet).stream().filter(e -> e.hasKey(key)).findFirst();
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
