package io.retailhub.sandbox.backends.crm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.retailhub.sandbox.backends.faults.Backend;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Salesforce REST API of the sandbox org under {@link Backend#CRM}'s prefix, so that
 * {@code http://localhost:8090/crm} plays {@code https://<MyDomain>.my.salesforce.com}. Any
 * version {@code vNN.N} is accepted in the path. Resources: the version list, sObject create /
 * read / update / upsert by external ID for Contact, Case and CaseComment, and SOQL queries with
 * paging. Authentication and the API usage header are {@link SalesforceApiFilter}'s job.
 */
@RestController
@RequestMapping("/crm/services/data")
class SalesforceRestController {

	private static final String VERSION = "/{version:v\\d+\\.\\d}";

	/** Since API v46.0 an upsert that updates answers 200 with {@code created:false}, before that 204. */
	private static final int UPSERT_CREATED_FLAG_SINCE = 46;

	private static final String QUERY_OPTIONS = "Sforce-Query-Options";

	private static final List<String[]> RELEASES = List.of(new String[] { "Summer '23", "58.0" },
			new String[] { "Winter '24", "59.0" }, new String[] { "Spring '24", "60.0" },
			new String[] { "Summer '24", "61.0" }, new String[] { "Winter '25", "62.0" });

	private final SalesforceOrg org;

	private final QueryCursors cursors;

	private final SalesforceSettings settings;

	SalesforceRestController(SalesforceOrg org, QueryCursors cursors, SalesforceSettings settings) {
		this.org = org;
		this.cursors = cursors;
		this.settings = settings;
	}

	@GetMapping({ "", "/" })
	List<Map<String, String>> versions() {
		List<Map<String, String>> versions = new ArrayList<>();
		for (String[] release : RELEASES) {
			Map<String, String> version = new LinkedHashMap<>();
			version.put("label", release[0]);
			version.put("url", "/services/data/v" + release[1]);
			version.put("version", release[1]);
			versions.add(version);
		}
		return versions;
	}

	@GetMapping({ VERSION, VERSION + "/" })
	Map<String, String> resources(@PathVariable String version) {
		Map<String, String> resources = new LinkedHashMap<>();
		resources.put("sobjects", "/services/data/" + version + "/sobjects");
		resources.put("query", "/services/data/" + version + "/query");
		return resources;
	}

	@GetMapping(VERSION + "/sobjects/{type}/{id}")
	Map<String, Object> read(@PathVariable String version, @PathVariable String type, @PathVariable String id,
			@RequestParam(required = false) String fields) {
		return org.read(sobject(type), id, fieldList(fields), version);
	}

	@GetMapping(VERSION + "/sobjects/{type}/{field}/{value}")
	Map<String, Object> readByExternalId(@PathVariable String version, @PathVariable String type,
			@PathVariable String field, @PathVariable String value, @RequestParam(required = false) String fields) {
		return org.readByExternalId(sobject(type), field, value, fieldList(fields), version);
	}

	@PostMapping({ VERSION + "/sobjects/{type}", VERSION + "/sobjects/{type}/" })
	ResponseEntity<Map<String, Object>> create(@PathVariable String version, @PathVariable String type,
			@RequestBody Map<String, Object> body) {
		String id = org.create(sobject(type), body);
		return ResponseEntity.status(HttpStatus.CREATED).body(saveResult(id, null));
	}

	@PatchMapping(VERSION + "/sobjects/{type}/{id}")
	ResponseEntity<Void> update(@PathVariable String version, @PathVariable String type, @PathVariable String id,
			@RequestBody Map<String, Object> body) {
		org.update(sobject(type), id, body);
		return ResponseEntity.noContent().build();
	}

	@PatchMapping(VERSION + "/sobjects/{type}/{field}/{value}")
	ResponseEntity<Map<String, Object>> upsert(@PathVariable String version, @PathVariable String type,
			@PathVariable String field, @PathVariable String value, @RequestBody Map<String, Object> body) {
		SalesforceOrg.Upserted result = org.upsert(sobject(type), field, value, body);
		boolean createdFlag = Integer.parseInt(version.substring(1, version.indexOf('.'))) >= UPSERT_CREATED_FLAG_SINCE;
		if (result.created()) {
			return ResponseEntity.status(HttpStatus.CREATED)
				.body(saveResult(result.id(), createdFlag ? Boolean.TRUE : null));
		}
		return createdFlag ? ResponseEntity.ok(saveResult(result.id(), Boolean.FALSE))
				: ResponseEntity.noContent().build();
	}

	@GetMapping(VERSION + "/query")
	Map<String, Object> query(@PathVariable String version, @RequestParam(required = false) String q,
			@RequestHeader(name = QUERY_OPTIONS, required = false) String options) {
		SoqlExecution execution = SoqlExecution.compile(q);
		List<Map<String, Object>> rows = org.query(execution, version);
		Integer batchSize = batchSize(options);
		return cursors.firstBatch(rows, batchSize == null ? settings.queryBatchSize() : batchSize, version);
	}

	@GetMapping(VERSION + "/query/{locator}")
	Map<String, Object> nextBatch(@PathVariable String version, @PathVariable String locator,
			@RequestHeader(name = QUERY_OPTIONS, required = false) String options) {
		return cursors.nextBatch(locator, batchSize(options), version);
	}

	private static SObjectType sobject(String name) {
		return SObjectType.named(name).orElseThrow(SalesforceException::notFound);
	}

	private static List<String> fieldList(String fields) {
		return fields == null || fields.isBlank() ? List.of() : Arrays.asList(fields.split(","));
	}

	private static Map<String, Object> saveResult(String id, Boolean created) {
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("id", id);
		result.put("success", true);
		result.put("errors", List.of());
		if (created != null) {
			result.put("created", created);
		}
		return result;
	}

	/** {@code Sforce-Query-Options: batchSize=500}; null when absent or unreadable. */
	private static Integer batchSize(String options) {
		if (options == null) {
			return null;
		}
		for (String option : options.split(",")) {
			String[] pair = option.strip().split("=", 2);
			if (pair.length == 2 && pair[0].strip().equalsIgnoreCase("batchSize")) {
				String value = pair[1].strip();
				if (!value.isEmpty() && value.length() <= 4 && value.chars().allMatch(Character::isDigit)) {
					return Integer.valueOf(value);
				}
			}
		}
		return null;
	}
}
