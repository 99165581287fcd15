package io.retailhub.system.crm;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Salesforce's wire records, as far as the hub reads them. Unknown fields are ignored: an org
 * has many more fields than the hub asks for, and {@code GET /sobjects/...} returns them all.
 */
final class SalesforcePayloads {

	private SalesforcePayloads() {
	}

	/** The client-credentials token response (no expiry is given: a 401 tells the client). */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record Token(@JsonProperty("access_token") String accessToken, @JsonProperty("token_type") String tokenType) {
	}

	/** One batch of a SOQL result; {@code nextRecordsUrl} is set while {@code done} is false. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record QueryResult<T>(int totalSize, boolean done, String nextRecordsUrl, List<T> records) {
	}

	/** {@code {id, success, errors}} of a create, with {@code created} on an upsert (API v46.0+). */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record SaveResult(String id, boolean success, Boolean created) {
	}

	/** One element of an error array. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record ApiError(String message, String errorCode, List<String> fields) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record ContactRecord(@JsonProperty("Id") String id, @JsonProperty("FirstName") String firstName,
			@JsonProperty("LastName") String lastName, @JsonProperty("Email") String email,
			@JsonProperty("Phone") String phone, @JsonProperty("MailingStreet") String mailingStreet,
			@JsonProperty("MailingCity") String mailingCity,
			@JsonProperty("MailingPostalCode") String mailingPostalCode,
			@JsonProperty("MailingState") String mailingState,
			@JsonProperty("MailingCountry") String mailingCountry,
			@JsonProperty("Customer_Number__c") String customerNumber) {
	}

	/** A Case with its contact's customer number reached through {@code Contact.Customer_Number__c}. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record CaseRecord(@JsonProperty("Id") String id, @JsonProperty("CaseNumber") String caseNumber,
			@JsonProperty("Status") String status, @JsonProperty("Priority") String priority,
			@JsonProperty("Origin") String origin, @JsonProperty("Subject") String subject,
			@JsonProperty("Description") String description, @JsonProperty("ContactId") String contactId,
			@JsonProperty("External_Id__c") String externalId, @JsonProperty("Order_Number__c") String orderNumber,
			@JsonProperty("IsClosed") Boolean closed, @JsonProperty("ClosedDate") String closedDate,
			@JsonProperty("CreatedDate") String createdDate, @JsonProperty("Contact") ContactReference contact) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record ContactReference(@JsonProperty("Customer_Number__c") String customerNumber) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record CommentRecord(@JsonProperty("Id") String id, @JsonProperty("ParentId") String parentId,
			@JsonProperty("CommentBody") String body, @JsonProperty("IsPublished") Boolean published,
			@JsonProperty("CreatedDate") String createdDate) {
	}
}
