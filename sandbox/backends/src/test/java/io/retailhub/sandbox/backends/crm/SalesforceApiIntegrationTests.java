package io.retailhub.sandbox.backends.crm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import io.retailhub.sandbox.backends.data.DemoCustomer;
import io.retailhub.sandbox.backends.data.DemoData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

/** The simulated Salesforce REST API over HTTP: OAuth, sObjects, upsert, error arrays, SOQL and paging. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "spring.config.name=sandbox")
class SalesforceApiIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	DemoData data;

	@Autowired
	SalesforceEffects effects;

	@Autowired
	SalesforceSessions sessions;

	RestClient anonymous;

	RestClient salesforce;

	@BeforeEach
	void signIn() {
		anonymous = RestClient.builder()
			.baseUrl("http://localhost:" + port + "/crm")
			.defaultStatusHandler(status -> true, (request, response) -> {
			})
			.build();
		String token = token("retail-hub", "sandbox-crm-secret").getBody().get("access_token").asString();
		salesforce = anonymous.mutate()
			.baseUrl("http://localhost:" + port + "/crm/services/data/v60.0")
			.defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.build();
	}

	@Test
	void issuesAClientCredentialsTokenWithTheSandboxAsInstance() {
		long issuedBefore = effects.count(SalesforceEffects.TOKENS_ISSUED);

		ResponseEntity<JsonNode> response = token("retail-hub", "sandbox-crm-secret");

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		JsonNode body = response.getBody();
		assertThat(body.get("access_token").asString()).startsWith("00D5g0000000001!");
		assertThat(body.get("token_type").asString()).isEqualTo("Bearer");
		assertThat(body.get("instance_url").asString()).isEqualTo("http://localhost:" + port + "/crm");
		assertThat(body.get("issued_at").asString()).matches("\\d{13}");
		assertThat(body.get("signature").asString()).isNotBlank();
		assertThat(effects.count(SalesforceEffects.TOKENS_ISSUED)).isEqualTo(issuedBefore + 1);
	}

	@Test
	void refusesAWrongClientSecretInOAuthDialect() {
		ResponseEntity<JsonNode> response = token("retail-hub", "guess");

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(response.getBody().get("error").asString()).isEqualTo("invalid_client");
		assertThat(response.getBody().get("error_description").asString()).isNotBlank();
	}

	@Test
	void requiresALiveSessionForRestCalls() {
		ResponseEntity<JsonNode> withoutToken = anonymous.get()
			.uri("/services/data/v60.0/sobjects/Contact/{id}", customer().contactId())
			.retrieve()
			.toEntity(JsonNode.class);
		assertThat(withoutToken.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(withoutToken.getBody().get(0).get("errorCode").asString()).isEqualTo("INVALID_SESSION_ID");
		assertThat(withoutToken.getBody().get(0).get("message").asString()).isEqualTo("Session expired or invalid");

		sessions.expireAll();

		ResponseEntity<JsonNode> expired = salesforce.get()
			.uri("/sobjects/Contact/{id}", customer().contactId())
			.retrieve()
			.toEntity(JsonNode.class);
		assertThat(expired.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(expired.getBody().get(0).get("errorCode").asString()).isEqualTo("INVALID_SESSION_ID");
	}

	@Test
	void listsVersionsWithoutASession() {
		ResponseEntity<JsonNode> response = anonymous.get().uri("/services/data/").retrieve().toEntity(JsonNode.class);

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(response.getBody().findValuesAsString("version")).contains("60.0");
		assertThat(response.getHeaders().containsHeader("Sforce-Limit-Info")).isFalse();
	}

	@Test
	void reportsApiUsageOnEveryResponseIncludingErrors() {
		ResponseEntity<JsonNode> ok = salesforce.get()
			.uri("/sobjects/Contact/Customer_Number__c/{n}", customer().number())
			.retrieve()
			.toEntity(JsonNode.class);
		ResponseEntity<JsonNode> missing = salesforce.get()
			.uri("/sobjects/Case/{id}", "500" + "5g0000" + "999999999")
			.retrieve()
			.toEntity(JsonNode.class);

		assertThat(ok.getHeaders().getFirst("Sforce-Limit-Info")).matches("api-usage=\\d+/100000");
		assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(missing.getBody().get(0).get("errorCode").asString()).isEqualTo("NOT_FOUND");
		assertThat(missing.getHeaders().getFirst("Sforce-Limit-Info")).matches("api-usage=\\d+/100000");
	}

	@Test
	void readsASeededContactByCustomerNumberWithAttributes() {
		DemoCustomer customer = customer();

		JsonNode contact = salesforce.get()
			.uri("/sobjects/Contact/Customer_Number__c/{n}", customer.number())
			.retrieve()
			.body(JsonNode.class);

		assertThat(contact.get("attributes").get("type").asString()).isEqualTo("Contact");
		assertThat(contact.get("attributes").get("url").asString())
			.isEqualTo("/services/data/v60.0/sobjects/Contact/" + customer.contactId());
		assertThat(contact.get("Id").asString()).isEqualTo(customer.contactId());
		assertThat(contact.get("Email").asString()).isEqualTo(customer.email());
		assertThat(contact.get("MailingPostalCode").asString()).isEqualTo(customer.postalCode());
		assertThat(contact.get("LastModifiedDate").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.000\\+0000");
	}

	@Test
	void upsertByExternalIdAnswers201ThenReplays200OnTheSameCase() {
		String externalId = "RET-" + UUID.randomUUID();
		Map<String, Object> body = Map.of("Subject", "Damaged item", "ContactId", customer().contactId(), "Origin",
				"Web");
		long createdBefore = effects.count(SalesforceEffects.CASES_CREATED);

		ResponseEntity<JsonNode> first = upsertCase(externalId, body);
		ResponseEntity<JsonNode> second = upsertCase(externalId, body);

		assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(first.getBody().get("created").asBoolean()).isTrue();
		assertThat(first.getBody().get("success").asBoolean()).isTrue();
		assertThat(first.getBody().get("errors").size()).isZero();
		assertThat(second.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(second.getBody().get("created").asBoolean()).isFalse();
		assertThat(second.getBody().get("id").asString()).isEqualTo(first.getBody().get("id").asString());
		assertThat(effects.count(SalesforceEffects.CASES_CREATED)).isEqualTo(createdBefore + 1);
	}

	@Test
	void upsertBeforeApiVersion46AnswersNoContentOnUpdate() {
		String externalId = "RET-" + UUID.randomUUID();
		Map<String, Object> body = Map.of("Subject", "Old client");
		upsertCase(externalId, body);

		ResponseEntity<JsonNode> replay = anonymous.mutate()
			.defaultHeaders(h -> h.addAll(salesforceHeaders()))
			.build()
			.patch()
			.uri("/services/data/v45.0/sobjects/Case/External_Id__c/{value}", externalId)
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.retrieve()
			.toEntity(JsonNode.class);

		assertThat(replay.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
	}

	@Test
	void updatesWithNoContentAndReadsBackSelectedFields() {
		String id = upsertCase("RET-" + UUID.randomUUID(), Map.of("Subject", "Late")).getBody().get("id").asString();

		ResponseEntity<Void> update = salesforce.patch()
			.uri("/sobjects/Case/{id}", id)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("Status", "Closed"))
			.retrieve()
			.toBodilessEntity();
		JsonNode read = salesforce.get()
			.uri("/sobjects/Case/{id}?fields=Status,IsClosed,ClosedDate", id)
			.retrieve()
			.body(JsonNode.class);

		assertThat(update.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(read.get("Status").asString()).isEqualTo("Closed");
		assertThat(read.get("IsClosed").asBoolean()).isTrue();
		assertThat(read.get("ClosedDate").isNull()).isFalse();
		assertThat(read.has("Subject")).isFalse();
	}

	@Test
	void answersValidationFailuresAsErrorArrays() {
		ResponseEntity<JsonNode> response = salesforce.post()
			.uri("/sobjects/Case/")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("Status", "Pending"))
			.retrieve()
			.toEntity(JsonNode.class);

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		JsonNode errors = response.getBody();
		assertThat(errors.isArray()).isTrue();
		assertThat(errors.findValuesAsString("errorCode")).containsExactly("INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST",
				"REQUIRED_FIELD_MISSING");
		assertThat(errors.get(1).get("fields").get(0).asString()).isEqualTo("Subject");
	}

	@Test
	void refusesTheIdAndUnknownFieldsWithInvalidField() {
		ResponseEntity<JsonNode> response = salesforce.post()
			.uri("/sobjects/Case")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("Subject", "x", "Id", "5005g0000000000001"))
			.retrieve()
			.toEntity(JsonNode.class);

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(response.getBody().get(0).get("errorCode").asString()).isEqualTo("INVALID_FIELD");
		assertThat(response.getBody().get(0).has("fields")).isFalse();
	}

	@Test
	void answersNotFoundForAFieldThatIsNoExternalId() {
		ResponseEntity<JsonNode> response = salesforce.get()
			.uri("/sobjects/Case/Subject/whatever")
			.retrieve()
			.toEntity(JsonNode.class);

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(response.getBody().get(0).get("errorCode").asString()).isEqualTo("NOT_FOUND");
	}

	@Test
	void answersSoqlWithRecordsAndTotalSize() {
		DemoCustomer customer = customer();

		JsonNode result = query("SELECT Id, Customer_Number__c FROM Contact WHERE Email = '"
				+ customer.email().toUpperCase() + "' OR Phone = '" + customer.phone() + "'", null);

		assertThat(result.get("totalSize").asInt()).isEqualTo(1);
		assertThat(result.get("done").asBoolean()).isTrue();
		assertThat(result.has("nextRecordsUrl")).isFalse();
		JsonNode record = result.get("records").get(0);
		assertThat(record.get("attributes").get("type").asString()).isEqualTo("Contact");
		assertThat(record.get("Customer_Number__c").asString()).isEqualTo(customer.number());
		assertThat(record.has("Email")).isFalse();
	}

	@Test
	void pagesLargeResultsThroughNextRecordsUrl() {
		JsonNode first = query("SELECT Id FROM Contact ORDER BY Customer_Number__c LIMIT 5", "batchSize=2");

		assertThat(first.get("totalSize").asInt()).isEqualTo(5);
		assertThat(first.get("done").asBoolean()).isFalse();
		assertThat(first.get("records").size()).isEqualTo(2);
		String next = first.get("nextRecordsUrl").asString();
		assertThat(next).startsWith("/services/data/v60.0/query/01g").endsWith("-2");

		JsonNode second = anonymous.get()
			.uri(next)
			.headers(h -> h.addAll(salesforceHeaders()))
			.retrieve()
			.body(JsonNode.class);
		JsonNode third = anonymous.get()
			.uri(second.get("nextRecordsUrl").asString())
			.headers(h -> h.addAll(salesforceHeaders()))
			.retrieve()
			.body(JsonNode.class);

		assertThat(second.get("records").size()).isEqualTo(2);
		assertThat(third.get("records").size()).isEqualTo(1);
		assertThat(third.get("done").asBoolean()).isTrue();
		assertThat(third.get("records").get(0).get("Id").asString()).isEqualTo(data.customers().get(4).contactId());
	}

	@Test
	void answersMalformedQueryAndInvalidFieldForBadSoql() {
		ResponseEntity<JsonNode> malformed = salesforce.get()
			.uri("/query?q={q}", "SELECT Id FROM Case GROUP BY Status")
			.retrieve()
			.toEntity(JsonNode.class);
		ResponseEntity<JsonNode> unknownField = salesforce.get()
			.uri("/query?q={q}", "SELECT Id, Colour__c FROM Case")
			.retrieve()
			.toEntity(JsonNode.class);

		assertThat(malformed.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(malformed.getBody().get(0).get("errorCode").asString()).isEqualTo("MALFORMED_QUERY");
		assertThat(unknownField.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(unknownField.getBody().get(0).get("errorCode").asString()).isEqualTo("INVALID_FIELD");
		assertThat(unknownField.getBody().get(0).get("message").asString()).contains("No such column 'Colour__c'");
	}

	@Test
	void addsCommentsToExistingCasesOnly() {
		String caseId = upsertCase("RET-" + UUID.randomUUID(), Map.of("Subject", "Note me")).getBody()
			.get("id")
			.asString();
		long before = effects.count(SalesforceEffects.CASE_COMMENTS_CREATED);

		ResponseEntity<JsonNode> created = salesforce.post()
			.uri("/sobjects/CaseComment/")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("ParentId", caseId, "CommentBody", "Refund pending", "IsPublished", true))
			.retrieve()
			.toEntity(JsonNode.class);
		ResponseEntity<JsonNode> orphan = salesforce.post()
			.uri("/sobjects/CaseComment/")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("ParentId", "500" + "5g0000" + "999999999", "CommentBody", "lost"))
			.retrieve()
			.toEntity(JsonNode.class);

		assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(created.getBody().get("id").asString()).startsWith("00a").hasSize(18);
		assertThat(effects.count(SalesforceEffects.CASE_COMMENTS_CREATED)).isEqualTo(before + 1);
		assertThat(orphan.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(orphan.getBody().get(0).get("errorCode").asString()).isEqualTo("INVALID_CROSS_REFERENCE_KEY");
		JsonNode comments = query("SELECT CommentBody, IsPublished, Parent.CaseNumber FROM CaseComment WHERE ParentId = '"
				+ caseId + "'", null);
		assertThat(comments.get("totalSize").asInt()).isEqualTo(1);
		assertThat(comments.get("records").get(0).get("Parent").get("CaseNumber").asString()).matches("\\d{8}");
	}

	@Test
	void answersJsonParserErrorForABodyThatIsNotAnObject() {
		ResponseEntity<JsonNode> response = salesforce.post()
			.uri("/sobjects/Case")
			.contentType(MediaType.APPLICATION_JSON)
			.body("[1,2]")
			.retrieve()
			.toEntity(JsonNode.class);

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(response.getBody().get(0).get("errorCode").asString()).isEqualTo("JSON_PARSER_ERROR");
	}

	private DemoCustomer customer() {
		return data.customer(DemoData.Showcase.CUSTOMER);
	}

	private ResponseEntity<JsonNode> token(String clientId, String clientSecret) {
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("grant_type", "client_credentials");
		form.add("client_id", clientId);
		form.add("client_secret", clientSecret);
		return anonymous.post()
			.uri("/services/oauth2/token")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(form)
			.retrieve()
			.toEntity(JsonNode.class);
	}

	private ResponseEntity<JsonNode> upsertCase(String externalId, Map<String, Object> body) {
		return salesforce.patch()
			.uri("/sobjects/Case/External_Id__c/{value}", externalId)
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.retrieve()
			.toEntity(JsonNode.class);
	}

	private JsonNode query(String soql, String queryOptions) {
		return salesforce.get()
			.uri("/query?q={q}", soql)
			.headers(h -> {
				if (queryOptions != null) {
					h.set("Sforce-Query-Options", queryOptions);
				}
			})
			.retrieve()
			.body(JsonNode.class);
	}

	private HttpHeaders salesforceHeaders() {
		HttpHeaders headers = new HttpHeaders();
		String token = token("retail-hub", "sandbox-crm-secret").getBody().get("access_token").asString();
		headers.setBearerAuth(token);
		return headers;
	}
}
