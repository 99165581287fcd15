package io.retailhub.system.crm;

import java.net.URI;
import java.util.Map;

import io.retailhub.system.crm.SalesforcePayloads.CaseRecord;
import io.retailhub.system.crm.SalesforcePayloads.CommentRecord;
import io.retailhub.system.crm.SalesforcePayloads.ContactRecord;
import io.retailhub.system.crm.SalesforcePayloads.QueryResult;
import io.retailhub.system.crm.SalesforcePayloads.SaveResult;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PatchExchange;
import org.springframework.web.service.annotation.PostExchange;

/**
 * The Salesforce REST calls the hub makes, relative to {@code /services/data/vNN.N}. The
 * {@code next...} methods take a query's {@code nextRecordsUrl}, resolved against the org.
 */
@HttpExchange(accept = MediaType.APPLICATION_JSON_VALUE)
interface SalesforceClient {

	@GetExchange("/sobjects/Contact/Customer_Number__c/{customerNumber}")
	ContactRecord contactByCustomerNumber(@PathVariable String customerNumber);

	@GetExchange("/query")
	QueryResult<ContactRecord> queryContacts(@RequestParam("q") String soql);

	@GetExchange
	QueryResult<ContactRecord> nextContacts(URI nextRecordsUrl);

	@GetExchange("/query")
	QueryResult<CaseRecord> queryCases(@RequestParam("q") String soql);

	@GetExchange
	QueryResult<CaseRecord> nextCases(URI nextRecordsUrl);

	@GetExchange("/query")
	QueryResult<CommentRecord> queryComments(@RequestParam("q") String soql);

	@GetExchange
	QueryResult<CommentRecord> nextComments(URI nextRecordsUrl);

	/** Upsert by external ID: 201 when it created the case, 200 (API v46.0+) when it updated it. */
	@PatchExchange(url = "/sobjects/Case/External_Id__c/{externalId}", contentType = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<SaveResult> upsertCase(@PathVariable String externalId, @RequestBody Map<String, Object> fields);

	/** Partial update: 204 No Content. */
	@PatchExchange(url = "/sobjects/Case/{id}", contentType = MediaType.APPLICATION_JSON_VALUE)
	void updateCase(@PathVariable String id, @RequestBody Map<String, Object> fields);

	@PostExchange(url = "/sobjects/CaseComment", contentType = MediaType.APPLICATION_JSON_VALUE)
	SaveResult createCaseComment(@RequestBody Map<String, Object> fields);

	@GetExchange("/sobjects/CaseComment/{id}")
	CommentRecord caseComment(@PathVariable String id);
}
