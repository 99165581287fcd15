package io.retailhub.sandbox.backends.erp;

import java.math.BigDecimal;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;

import io.retailhub.sandbox.backends.erp.Edm.EntityType;
import io.retailhub.sandbox.backends.erp.Edm.FunctionImport;
import io.retailhub.sandbox.backends.erp.Edm.Navigation;
import io.retailhub.sandbox.backends.erp.Edm.Parameter;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The OData V2 protocol of the simulated ERP, for every service under
 * {@code /erp/sap/opu/odata/sap/<SERVICE>/}: service document, {@code $metadata}, entity sets
 * with query options, key access, navigation, {@code $count}, deep insert, MERGE/PATCH with
 * {@code If-Match} and function imports.
 * JSON only. Errors come out as OData error bodies ({@link ODataErrorHandler}).
 */
@RestController
@RequestMapping(ODataController.ROOT)
class ODataController {

	/** Where the services live; {@code /erp} plays the host {@code https://<tenant>-api.s4hana.cloud.sap}. */
	static final String ROOT = "/erp/sap/opu/odata/sap";

	/** How OData V2 clients tunnel MERGE (and other methods) through POST. */
	static final String X_HTTP_METHOD = "X-HTTP-Method";

	private static final MediaType JSON = MediaType.parseMediaType("application/json;charset=utf-8");

	private final Map<String, ODataService> services;

	ODataController(List<ODataService> services) {
		this.services = services.stream().collect(Collectors.toMap(s -> s.model().name(), Function.identity()));
	}

	@GetMapping({ "/{service}", "/{service}/" })
	ResponseEntity<Object> serviceDocument(@PathVariable String service) {
		List<String> entitySets = service(service).model().entityTypes().stream().map(EntityType::entitySet).toList();
		return json(HttpStatus.OK, Map.of("d", Map.of("EntitySets", entitySets)));
	}

	@GetMapping("/{service}/$metadata")
	ResponseEntity<String> metadata(@PathVariable String service) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("application/xml;charset=utf-8"))
			.header("dataserviceversion", "2.0")
			.body(Edmx.of(service(service).model()));
	}

	@GetMapping("/{service}/{resource}")
	ResponseEntity<Object> read(@PathVariable String service, @PathVariable String resource,
			@RequestParam Map<String, String> parameters, HttpServletRequest request) {
		ODataService odata = service(service);
		ODataResource path = ODataResource.parse(resource);
		FunctionImport function = odata.model().functionImport(path.name()).orElse(null);
		if (function != null && !path.hasKey()) {
			return json(HttpStatus.OK, odata.invoke(function, functionParameters(function, parameters)));
		}
		EntityType type = entityType(odata, path.name());
		ODataQuery query = ODataQuery.parse(parameters, type);
		String serviceUrl = serviceUrl(request, service);
		if (!path.hasKey()) {
			ODataQuery.Page page = query.apply(odata.entities(type.entitySet(), query.required()));
			return json(HttpStatus.OK, ODataWriter.collection(page.entities(), query.inlineCount() ? page.count() : null,
					serviceUrl, query.expand(), query.select()));
		}
		ODataEntity entity = find(odata, type, path);
		ResponseEntity.BodyBuilder response = ResponseEntity.ok().contentType(JSON).header("dataserviceversion", "2.0");
		if (entity.etag() != null) {
			response.eTag(entity.etag());
		}
		return response.body(ODataWriter.single(entity, serviceUrl, query.expand(), query.select()));
	}

	@GetMapping("/{service}/{resource}/{navigation}")
	ResponseEntity<Object> navigate(@PathVariable String service, @PathVariable String resource,
			@PathVariable String navigation, @RequestParam Map<String, String> parameters, HttpServletRequest request) {
		ODataService odata = service(service);
		ODataResource path = ODataResource.parse(resource);
		EntityType type = entityType(odata, path.name());
		if (navigation.equals("$count") && !path.hasKey()) {
			ODataQuery query = ODataQuery.parse(parameters, type);
			return ResponseEntity.ok()
				.contentType(MediaType.TEXT_PLAIN)
				.body(Integer.toString(query.apply(odata.entities(type.entitySet(), query.required())).count()));
		}
		if (!path.hasKey()) {
			throw ODataException.resourceNotFound(navigation);
		}
		Navigation nav = type.navigation(navigation).orElseThrow(() -> ODataException.resourceNotFound(navigation));
		ODataQuery query = ODataQuery.parse(parameters, nav.target());
		ODataQuery.Page page = query.apply(find(odata, type, path).navigation(navigation));
		return json(HttpStatus.OK, ODataWriter.collection(page.entities(), query.inlineCount() ? page.count() : null,
				serviceUrl(request, service), query.expand(), query.select()));
	}

	@PostMapping("/{service}/{resource}")
	ResponseEntity<Object> create(@PathVariable String service, @PathVariable String resource,
			@RequestBody(required = false) JsonNode body, HttpServletRequest request) {
		ODataService odata = service(service);
		ODataResource path = ODataResource.parse(resource);
		EntityType type = entityType(odata, path.name());
		if (path.hasKey()) {
			throw ODataException.notImplemented("CREATE_ENTITY", type.entitySet());
		}
		ODataEntity created = odata.create(type.entitySet(), body);
		String serviceUrl = serviceUrl(request, service);
		Map<String, ODataQuery.Expand> everything = new LinkedHashMap<>();
		type.navigations().forEach(n -> everything.put(n.name(), ODataQuery.Expand.NONE));
		ResponseEntity.BodyBuilder response = ResponseEntity.status(HttpStatus.CREATED)
			.contentType(JSON)
			.header("dataserviceversion", "2.0")
			.location(URI.create(serviceUrl + type.entitySet() + created.keyPredicate()));
		if (created.etag() != null) {
			response.eTag(created.etag());
		}
		return response.body(ODataWriter.single(created, serviceUrl, new ODataQuery.Expand(everything), Set.of()));
	}

	/**
	 * MERGE tunneled through POST, as SAP clients send it ({@code X-HTTP-Method: MERGE}); PATCH
	 * the same way. Other tunneled methods are not implemented.
	 */
	@PostMapping(path = "/{service}/{resource}", headers = X_HTTP_METHOD)
	ResponseEntity<Object> tunneled(@PathVariable String service, @PathVariable String resource,
			@RequestBody(required = false) JsonNode body, HttpServletRequest request) {
		String method = request.getHeader(X_HTTP_METHOD).strip().toUpperCase(Locale.ROOT);
		if (method.equals("MERGE") || method.equals("PATCH")) {
			return update(service, resource, body, request);
		}
		EntityType type = entityType(service(service), ODataResource.parse(resource).name());
		throw ODataException.notImplemented(method.equals("DELETE") ? "DELETE_ENTITY" : "UPDATE_ENTITY",
				type.entitySet());
	}

	@RequestMapping(path = "/{service}/{resource}", method = RequestMethod.PATCH)
	ResponseEntity<Object> patch(@PathVariable String service, @PathVariable String resource,
			@RequestBody(required = false) JsonNode body, HttpServletRequest request) {
		return update(service, resource, body, request);
	}

	@RequestMapping(path = "/{service}/{resource}/{navigation}", method = RequestMethod.PATCH)
	ResponseEntity<Object> patchNavigation(@PathVariable String service, @PathVariable String resource,
			HttpServletRequest request) {
		return modify(service, resource, request);
	}

	@RequestMapping(path = { "/{service}/{resource}", "/{service}/{resource}/{navigation}" },
			method = { RequestMethod.PUT, RequestMethod.DELETE })
	ResponseEntity<Object> modify(@PathVariable String service, @PathVariable String resource,
			HttpServletRequest request) {
		EntityType type = entityType(service(service), ODataResource.parse(resource).name());
		String operation = request.getMethod().equals("DELETE") ? "DELETE_ENTITY" : "UPDATE_ENTITY";
		throw ODataException.notImplemented(operation, type.entitySet());
	}

	/**
	 * A partial update of one entity: it must exist (404), the request must name its current ETag
	 * in {@code If-Match} (428 without, 412 when stale), and the body may change only updatable
	 * properties (400). Answers 204 with the new ETag.
	 */
	private ResponseEntity<Object> update(String service, String resource, JsonNode body, HttpServletRequest request) {
		ODataService odata = service(service);
		ODataResource path = ODataResource.parse(resource);
		EntityType type = entityType(odata, path.name());
		if (!path.hasKey()) {
			throw new ODataException(405, "/IWBEP/CM_MGW_RT/025",
					"Method MERGE/PATCH is not allowed on entity set " + type.entitySet(), null);
		}
		Map<String, String> key = path.key(type);
		find(odata, type, path);
		String ifMatch = request.getHeader(HttpHeaders.IF_MATCH);
		if (ifMatch == null || ifMatch.isBlank()) {
			throw ODataException.preconditionRequired();
		}
		ODataEntity updated = odata.update(type.entitySet(), key, EntityChange.read(body, type, key), ifMatch);
		ResponseEntity.HeadersBuilder<?> response = ResponseEntity.noContent().header("dataserviceversion", "2.0");
		if (updated.etag() != null) {
			response.eTag(updated.etag());
		}
		return response.build();
	}

	private ODataService service(String name) {
		ODataService service = services.get(name);
		if (service == null) {
			throw ODataException.serviceNotFound(name);
		}
		return service;
	}

	private static EntityType entityType(ODataService service, String entitySet) {
		return service.model().entitySet(entitySet).orElseThrow(() -> ODataException.resourceNotFound(entitySet));
	}

	private static ODataEntity find(ODataService service, EntityType type, ODataResource path) {
		Map<String, String> key = path.key(type);
		return service.entity(type.entitySet(), key)
			.orElseThrow(() -> ODataException.documentNotFound(String.join("/", key.values())));
	}

	/** Function import parameters, unquoted and checked: strings as {@code 'x'}, decimals as {@code 1M}. */
	private static Map<String, String> functionParameters(FunctionImport function, Map<String, String> parameters) {
		Map<String, String> values = new LinkedHashMap<>();
		for (Parameter parameter : function.parameters()) {
			String raw = parameters.get(parameter.name());
			if (raw == null || raw.isBlank()) {
				throw ODataException.badQuery("Parameter " + parameter.name() + " of function import "
						+ function.name() + " is missing");
			}
			values.put(parameter.name(), switch (parameter.type()) {
				case DECIMAL -> decimal(raw, parameter);
				default -> string(raw, parameter);
			});
		}
		return values;
	}

	private static String string(String raw, Parameter parameter) {
		String trimmed = raw.strip();
		if (trimmed.length() < 2 || !trimmed.startsWith("'") || !trimmed.endsWith("'")) {
			throw ODataException.badQuery("Parameter " + parameter.name() + " must be a quoted string literal");
		}
		String value = trimmed.substring(1, trimmed.length() - 1).replace("''", "'");
		if (parameter.maxLength() != null && value.length() > parameter.maxLength()) {
			throw ODataException.badQuery("Parameter " + parameter.name() + " exceeds its maximum length");
		}
		return value;
	}

	private static String decimal(String raw, Parameter parameter) {
		try {
			BigDecimal value = new BigDecimal(raw.strip().replaceFirst("[Mm]$", ""));
			if (value.signum() < 0 || value.scale() > 3) {
				throw new NumberFormatException();
			}
			return value.toPlainString();
		}
		catch (NumberFormatException ex) {
			throw ODataException.badQuery("Parameter " + parameter.name() + " must be a decimal literal such as 1M");
		}
	}

	private static String serviceUrl(HttpServletRequest request, String service) {
		return ServletUriComponentsBuilder.fromContextPath(request).path(ROOT + "/" + service + "/").toUriString();
	}

	private static ResponseEntity<Object> json(HttpStatus status, Object body) {
		return ResponseEntity.status(status).contentType(JSON).header("dataserviceversion", "2.0").body(body);
	}
}
