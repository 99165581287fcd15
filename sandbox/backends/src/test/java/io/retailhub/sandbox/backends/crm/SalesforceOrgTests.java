package io.retailhub.sandbox.backends.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.retailhub.sandbox.backends.data.DemoCustomer;
import io.retailhub.sandbox.backends.data.DemoData;
import io.retailhub.sandbox.backends.state.SandboxState;
import org.assertj.core.api.ThrowingConsumer;
import org.junit.jupiter.api.Test;

class SalesforceOrgTests {

	private static final Instant ANCHOR = Instant.parse("2026-11-27T00:00:00Z");

	private static final String VERSION = "v60.0";

	private final DemoData data = DemoData.generate(DemoData.DEFAULT_SEED, ANCHOR, 20, 40);

	private final SalesforceEffects effects = new SalesforceEffects();

	private final SalesforceOrg org = new SalesforceOrg(data, Clock.fixed(ANCHOR, ZoneOffset.UTC), effects,
			SandboxState.inMemory());

	private final DemoCustomer customer = data.customer(DemoData.Showcase.CUSTOMER);

	@Test
	void seedsOneContactPerDemoCustomerWithItsCustomerNumberAsExternalId() {
		Map<String, Object> contact = org.readByExternalId(SObjectType.CONTACT, "customer_number__c",
				customer.number(), List.of(), VERSION);

		assertThat(contact.get("Id")).isEqualTo(customer.contactId());
		assertThat(contact.get("Name")).isEqualTo(customer.firstName() + " " + customer.lastName());
		assertThat(contact.get("MailingState")).isEqualTo(customer.region());
		assertThat(contact.get("CreatedDate")).isEqualTo("2025-10-23T00:00:00.000+0000");
		assertThat(contact.get("attributes"))
			.isEqualTo(Map.of("type", "Contact", "url", "/services/data/v60.0/sobjects/Contact/" + customer.contactId()));
	}

	@Test
	void upsertCreatesOnceThenUpdatesTheSameCase() {
		Map<String, Object> body = caseBody("Damaged parcel");

		SalesforceOrg.Upserted first = org.upsert(SObjectType.CASE, "External_Id__c", "RET-1", body);
		SalesforceOrg.Upserted second = org.upsert(SObjectType.CASE, "External_Id__c", "ret-1", body);

		assertThat(first.created()).isTrue();
		assertThat(second.created()).isFalse();
		assertThat(second.id()).isEqualTo(first.id());
		assertThat(effects.count(SalesforceEffects.CASES_CREATED)).isEqualTo(1);
		assertThat(effects.count(SalesforceEffects.CASES_UPDATED)).isEqualTo(1);
		Map<String, Object> created = org.read(SObjectType.CASE, first.id(), List.of(), VERSION);
		assertThat(created.get("Status")).isEqualTo("New");
		assertThat(created.get("Priority")).isEqualTo("Medium");
		assertThat((String) created.get("CaseNumber")).matches("0000\\d{4}");
		assertThat((String) created.get("Id")).hasSize(18).startsWith("500");
	}

	@Test
	void closingACaseDerivesIsClosedAndClosedDate() {
		String id = org.create(SObjectType.CASE, caseBody("Late delivery"));

		org.update(SObjectType.CASE, id, Map.of("Status", "Closed"));

		Map<String, Object> closed = org.read(SObjectType.CASE, id, List.of("IsClosed", "ClosedDate"), VERSION);
		assertThat(closed).containsEntry("IsClosed", true).containsEntry("ClosedDate", "2026-11-27T00:00:00.000+0000");
	}

	@Test
	void refusesUnknownFieldsAndTheIdInTheBody() {
		Map<String, Object> body = caseBody("x");
		body.put("Colour__c", "red");
		body.put("Id", "500000000000000AAA");

		assertRefused(() -> org.create(SObjectType.CASE, body), ex -> assertThat(ex.errors())
			.extracting(ApiError::errorCode)
			.containsExactlyInAnyOrder("INVALID_FIELD", "INVALID_FIELD"));
	}

	@Test
	void refusesReadOnlyFieldsSuchAsTheCaseNumber() {
		Map<String, Object> body = caseBody("x");
		body.put("CaseNumber", "00009999");

		assertRefused(() -> org.create(SObjectType.CASE, body), ex -> {
			assertThat(ex.errors().get(0).errorCode()).isEqualTo("INVALID_FIELD_FOR_INSERT_UPDATE");
			assertThat(ex.errors().get(0).fields()).containsExactly("CaseNumber");
		});
	}

	@Test
	void refusesBadPicklistValuesAndMissingSubjectTogether() {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("Status", "Pending");
		body.put("Origin", "Fax");

		assertRefused(() -> org.create(SObjectType.CASE, body), ex -> {
			assertThat(ex.errors()).extracting(ApiError::errorCode)
				.containsExactly("INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST", "INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST",
						"REQUIRED_FIELD_MISSING");
			assertThat(ex.errors().get(2).message()).isEqualTo("Required fields are missing: [Subject]");
			assertThat(ex.errors().get(2).fields()).containsExactly("Subject");
		});
	}

	@Test
	void refusesLookupsToMissingOrWrongRecords() {
		Map<String, Object> comment = new LinkedHashMap<>();
		comment.put("ParentId", "500" + "5g0000" + "999999999");
		comment.put("CommentBody", "hello");
		assertRefused(() -> org.create(SObjectType.CASE_COMMENT, comment),
				ex -> assertThat(ex.errors().get(0).errorCode()).isEqualTo("INVALID_CROSS_REFERENCE_KEY"));

		comment.put("ParentId", customer.contactId());
		assertRefused(() -> org.create(SObjectType.CASE_COMMENT, comment),
				ex -> assertThat(ex.errors().get(0).errorCode()).isEqualTo("MALFORMED_ID"));
	}

	@Test
	void refusesTooLongCommentBodies() {
		String caseId = org.create(SObjectType.CASE, caseBody("x"));
		Map<String, Object> comment = new LinkedHashMap<>();
		comment.put("ParentId", caseId);
		comment.put("CommentBody", "a".repeat(4001));

		assertRefused(() -> org.create(SObjectType.CASE_COMMENT, comment),
				ex -> assertThat(ex.errors().get(0).errorCode()).isEqualTo("STRING_TOO_LONG"));
	}

	@Test
	void refusesADuplicateExternalIdOnPlainCreate() {
		Map<String, Object> body = caseBody("x");
		body.put("External_Id__c", "DUP-1");
		org.create(SObjectType.CASE, body);

		assertRefused(() -> org.create(SObjectType.CASE, body),
				ex -> assertThat(ex.errors().get(0).errorCode()).isEqualTo("DUPLICATE_VALUE"));
	}

	@Test
	void queriesCaseInsensitivelyThroughParentRelationships() {
		List<Map<String, Object>> rows = org.query(SoqlExecution.compile("SELECT Id, Contact.Customer_Number__c "
				+ "FROM Case WHERE Contact.Email = '" + customer.email().toUpperCase() + "' ORDER BY CreatedDate"),
				VERSION);

		assertThat(rows).isNotEmpty();
		assertThat(rows).allSatisfy(row -> assertThat(row.get("Contact")).isInstanceOfSatisfying(Map.class,
				contact -> assertThat(contact.get("Customer_Number__c")).isEqualTo(customer.number())));
	}

	@Test
	void notEqualsMatchesNullsAsSalesforceDoes() {
		String id = org.create(SObjectType.CASE, caseBody("no order"));

		List<Map<String, Object>> rows = org.query(
				SoqlExecution.compile("SELECT Id FROM Case WHERE Order_Number__c != 'WEB-1' AND Id = '" + id + "'"),
				VERSION);

		assertThat(rows).hasSize(1);
	}

	@Test
	void refusesUnknownFieldsTypesAndFiltersOnLongText() {
		assertRefused(() -> SoqlExecution.compile("SELECT Colour__c FROM Case"),
				ex -> assertThat(ex.errors().get(0).errorCode()).isEqualTo("INVALID_FIELD"));
		assertRefused(() -> SoqlExecution.compile("SELECT Id FROM Opportunity"),
				ex -> assertThat(ex.errors().get(0).errorCode()).isEqualTo("INVALID_TYPE"));
		assertRefused(() -> SoqlExecution.compile("SELECT Id FROM Case WHERE Description = 'x'"),
				ex -> assertThat(ex.errors().get(0).errorCode()).isEqualTo("INVALID_FIELD"));
		assertRefused(() -> SoqlExecution.compile("SELECT Id FROM Case WHERE IsClosed = 'true'"),
				ex -> assertThat(ex.errors().get(0).errorCode()).isEqualTo("INVALID_QUERY_FILTER_OPERATOR"));
		assertRefused(() -> SoqlExecution.compile("SELECT Id FROM Case WHERE Id = 'nope'"),
				ex -> assertThat(ex.errors().get(0).errorCode()).isEqualTo("INVALID_QUERY_FILTER_OPERATOR"));
	}

	private Map<String, Object> caseBody(String subject) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("Subject", subject);
		body.put("ContactId", customer.contactId());
		body.put("Origin", "Web");
		return body;
	}

	private static void assertRefused(Runnable call, ThrowingConsumer<SalesforceException> requirements) {
		assertThatThrownBy(call::run).isInstanceOfSatisfying(SalesforceException.class, requirements);
	}
}
