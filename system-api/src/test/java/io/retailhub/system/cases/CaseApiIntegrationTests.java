package io.retailhub.system.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import io.retailhub.sandbox.backends.crm.SalesforceEffects;
import io.retailhub.sandbox.backends.data.DemoData;
import io.retailhub.system.support.Sandbox;
import io.retailhub.system.support.SystemApiHttp;
import io.retailhub.system.support.SystemApiIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

@SystemApiIntegrationTest
class CaseApiIntegrationTests {

	static final String CASES = "/api/system/v1/cases";

	@LocalServerPort
	int port;

	RestClient http;

	@BeforeEach
	void client() {
		http = SystemApiHttp.client(port, "");
	}

	@Test
	void opensACaseWith201AndLocationThenAnswers200ForTheSameExternalId() {
		String externalId = "api-case-" + UUID.randomUUID();
		String body = """
				{"externalId":"%s","customerId":"%s","orderId":"%s","subject":"Parcel missing","priority":"HIGH","origin":"Web"}"""
			.formatted(externalId, DemoData.Showcase.CUSTOMER, DemoData.Showcase.SPLIT_SHIPMENT_ORDER);
		long createdBefore = Sandbox.bean(SalesforceEffects.class).count(SalesforceEffects.CASES_CREATED);

		ResponseEntity<JsonNode> created = post(CASES, body);
		ResponseEntity<JsonNode> repeated = post(CASES, body);

		assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		String id = created.getBody().get("id").asString();
		assertThat(created.getHeaders().getLocation())
			.hasToString("http://localhost:" + port + CASES + "/" + id);
		assertThat(created.getBody().get("status").asString()).isEqualTo("NEW");
		assertThat(created.getBody().get("priority").asString()).isEqualTo("HIGH");
		assertThat(created.getBody().get("orderId").asString()).isEqualTo(DemoData.Showcase.SPLIT_SHIPMENT_ORDER);
		assertThat(repeated.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(repeated.getBody().get("id").asString()).isEqualTo(id);
		assertThat(Sandbox.bean(SalesforceEffects.class).count(SalesforceEffects.CASES_CREATED))
			.isEqualTo(createdBefore + 1);
	}

	@Test
	void commentsAreAddedWith201AndReadWithTheCase() {
		String id = open("Refund question");

		ResponseEntity<JsonNode> comment = post(CASES + "/" + id + "/comments",
				"{\"body\":\"Refund pending at the bank\",\"published\":true}");
		JsonNode read = http.get().uri(CASES + "/{id}", id).retrieve().body(JsonNode.class);

		assertThat(comment.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(comment.getBody().get("body").asString()).isEqualTo("Refund pending at the bank");
		assertThat(comment.getBody().get("published").asBoolean()).isTrue();
		assertThat(read.get("comments").size()).isEqualTo(1);
		assertThat(read.get("comments").get(0)).isEqualTo(comment.getBody());
	}

	@Test
	void closesACaseWithAPatch() {
		String id = open("Resolved on the phone");

		ResponseEntity<JsonNode> closed = http.patch()
			.uri(CASES + "/{id}", id)
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"status\":\"CLOSED\"}")
			.retrieve()
			.toEntity(JsonNode.class);

		assertThat(closed.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(closed.getBody().get("status").asString()).isEqualTo("CLOSED");
		assertThat(closed.getBody().get("closedAt").isNull()).isFalse();
		assertThat(closed.getBody().get("subject").asString()).isEqualTo("Resolved on the phone");
	}

	@Test
	void listsCasesByCustomerByOrderAndByExternalId() {
		String externalId = "api-case-" + UUID.randomUUID();
		post(CASES, """
				{"externalId":"%s","customerId":"17100003","orderId":"%s","subject":"Final sale?"}"""
			.formatted(externalId, DemoData.Showcase.FINAL_SALE_ORDER));

		JsonNode byCustomer = http.get().uri(CASES + "?customerId=17100003").retrieve().body(JsonNode.class);
		JsonNode byOrder = http.get()
			.uri(CASES + "?orderId={o}", DemoData.Showcase.FINAL_SALE_ORDER)
			.retrieve()
			.body(JsonNode.class);
		JsonNode byExternalId = http.get().uri(CASES + "?externalId={e}", externalId).retrieve().body(JsonNode.class);
		JsonNode mismatch = http.get()
			.uri(CASES + "?externalId={e}&customerId=17100001", externalId)
			.retrieve()
			.body(JsonNode.class);

		assertThat(byCustomer.findValuesAsString("externalId")).contains(externalId);
		assertThat(byCustomer.findValuesAsString("customerId")).containsOnly("17100003");
		assertThat(byOrder.findValuesAsString("externalId")).contains(externalId);
		assertThat(byExternalId.size()).isEqualTo(1);
		assertThat(byExternalId.get(0).get("externalId").asString()).isEqualTo(externalId);
		assertThat(mismatch.size()).isZero();
	}

	@Test
	void refusesAListingWithoutCriteria() {
		ResponseEntity<JsonNode> response = http.get().uri(CASES).retrieve().toEntity(JsonNode.class);

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(response.getBody().get("errors").findValuesAsString("field"))
			.containsExactly("customerIdOrOrderIdOrExternalId");
	}

	@Test
	void refusesBadInputWithFieldErrorsAndOpensNothing() {
		long createdBefore = Sandbox.bean(SalesforceEffects.class).count(SalesforceEffects.CASES_CREATED);

		ResponseEntity<JsonNode> response = post(CASES, """
				{"externalId":"","customerId":"17100001","subject":"","status":"SNOOZED"}""");
		ResponseEntity<JsonNode> missing = post(CASES, """
				{"customerId":"17100001","description":"no subject"}""");

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(response.getBody().get("type").asString()).isEqualTo("https://retailhub.io/problems/invalid-request");
		assertThat(response.getBody().get("errors").findValuesAsString("field")).containsExactly("status");
		assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(missing.getBody().get("errors").findValuesAsString("field"))
			.containsExactlyInAnyOrder("externalId", "subject");
		assertThat(Sandbox.bean(SalesforceEffects.class).count(SalesforceEffects.CASES_CREATED))
			.isEqualTo(createdBefore);
	}

	@Test
	void refusesAnEmptyCommentWithAFieldError() {
		String id = open("Comment me");

		ResponseEntity<JsonNode> response = post(CASES + "/" + id + "/comments", "{\"body\":\" \",\"published\":false}");

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(response.getBody().get("errors").findValuesAsString("field")).containsExactly("body");
	}

	@Test
	void answersNotFoundForAnUnknownCase() {
		String unknown = "5005g0000999999999";

		ResponseEntity<JsonNode> read = http.get().uri(CASES + "/{id}", unknown).retrieve().toEntity(JsonNode.class);
		ResponseEntity<JsonNode> update = http.patch()
			.uri(CASES + "/{id}", unknown)
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"status\":\"CLOSED\"}")
			.retrieve()
			.toEntity(JsonNode.class);
		ResponseEntity<JsonNode> comment = post(CASES + "/" + unknown + "/comments",
				"{\"body\":\"hello\",\"published\":false}");

		assertThat(read.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(read.getBody().get("type").asString()).isEqualTo("https://retailhub.io/problems/not-found");
		assertThat(update.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(comment.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
	}

	@Test
	void answersNotFoundWhenOpeningACaseForAnUnknownCustomer() {
		ResponseEntity<JsonNode> response = post(CASES, """
				{"externalId":"api-case-%s","customerId":"99999999","subject":"Who am I?"}""".formatted(UUID.randomUUID()));

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(response.getBody().get("detail").asString()).contains("customer");
	}

	@Test
	void answersTheOrgsRefusalAsA422Problem() {
		ResponseEntity<JsonNode> response = post(CASES, """
				{"externalId":"api-case-%s","customerId":"17100001","subject":"Sent by fax","origin":"Fax"}"""
			.formatted(UUID.randomUUID()));

		assertThat(response.getStatusCode().value()).isEqualTo(422);
		assertThat(response.getBody().get("backend").asString()).isEqualTo("crm");
		assertThat(response.getBody().get("backendCode").asString()).isEqualTo("INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST");
	}

	private String open(String subject) {
		ResponseEntity<JsonNode> created = post(CASES, """
				{"externalId":"api-case-%s","customerId":"17100001","subject":"%s"}""".formatted(UUID.randomUUID(),
				subject));
		assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		return created.getBody().get("id").asString();
	}

	private ResponseEntity<JsonNode> post(String path, String json) {
		return http.post().uri(path).contentType(MediaType.APPLICATION_JSON).body(json).retrieve().toEntity(JsonNode.class);
	}
}
