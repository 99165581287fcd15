package io.retailhub.system.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.retailhub.contracts.Address;
import io.retailhub.contracts.CaseComment;
import io.retailhub.contracts.CaseId;
import io.retailhub.contracts.CasePriority;
import io.retailhub.contracts.CaseStatus;
import io.retailhub.contracts.Customer;
import io.retailhub.contracts.CustomerId;
import io.retailhub.contracts.OrderId;
import io.retailhub.contracts.ServiceCase;
import io.retailhub.contracts.commands.AddCaseComment;
import io.retailhub.contracts.commands.OpenCase;
import io.retailhub.contracts.commands.UpdateCase;
import io.retailhub.sandbox.backends.crm.SalesforceEffects;
import io.retailhub.sandbox.backends.crm.SalesforceSessions;
import io.retailhub.sandbox.backends.data.DemoCustomer;
import io.retailhub.sandbox.backends.data.DemoData;
import io.retailhub.sandbox.backends.faults.Backend;
import io.retailhub.sandbox.backends.faults.Fault;
import io.retailhub.system.backend.BackendRejectedException;
import io.retailhub.system.backend.BackendUnavailableException;
import io.retailhub.system.backend.Backends;
import io.retailhub.system.backend.ResourceNotFoundException;
import io.retailhub.system.support.Sandbox;
import io.retailhub.system.support.SystemApiIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

/** The CRM adapter over real HTTP against the simulated Salesforce org. */
@SystemApiIntegrationTest
class SalesforceCrmAdapterIntegrationTests {

	@Autowired
	SalesforceCrmAdapter crm;

	final DemoCustomer showcase = Sandbox.data().customer(DemoData.Showcase.CUSTOMER);

	@Test
	void mapsEveryFieldOfTheContactToTheCustomer() {
		Customer customer = crm.findCustomer(CustomerId.of(showcase.number())).orElseThrow();

		assertThat(customer).isEqualTo(new Customer(CustomerId.of(showcase.number()), showcase.firstName(),
				showcase.lastName(), showcase.email(), showcase.phone(), new Address(showcase.street(), null,
						showcase.city(), showcase.postalCode(), showcase.region(), showcase.country())));
	}

	@Test
	void findsNoCustomerForANumberTheCrmDoesNotKnow() {
		assertThat(crm.findCustomer(CustomerId.of("99999999"))).isEmpty();
	}

	@Test
	void searchesCustomersByEmailIgnoringCase() {
		List<Customer> found = crm.searchCustomers(showcase.email().toUpperCase(), null);

		assertThat(found).extracting(Customer::id).containsExactly(CustomerId.of(showcase.number()));
	}

	@Test
	void searchesCustomersByPhoneHoweverItIsWritten() {
		String e164 = showcase.phone();
		String spaced = "+1 (" + e164.substring(2, 5) + ") " + e164.substring(5, 8) + "-" + e164.substring(8);

		assertThat(crm.searchCustomers(null, spaced)).extracting(Customer::id)
			.containsExactly(CustomerId.of(showcase.number()));
		assertThat(crm.searchCustomers(null, e164.substring(1))).extracting(Customer::id)
			.containsExactly(CustomerId.of(showcase.number()));
		assertThat(crm.searchCustomers(showcase.email(), "+10000000000")).isEmpty();
	}

	@Test
	void searchesCustomersByTheStartsOfTheirFirstAndLastNameIgnoringCase() {
		String first = showcase.firstName().substring(0, 3).toLowerCase();
		String last = showcase.lastName().substring(0, 4).toUpperCase();
		List<Customer> expected = Sandbox.data()
			.customers()
			.stream()
			.filter(c -> startsWithIgnoringCase(c.firstName(), first) && startsWithIgnoringCase(c.lastName(), last)
					|| startsWithIgnoringCase(c.lastName(), first) && startsWithIgnoringCase(c.firstName(), last))
			.map(c -> crm.findCustomer(CustomerId.of(c.number())).orElseThrow())
			.toList();

		List<Customer> found = crm.searchCustomers(null, null, last + "  " + first);

		assertThat(found).contains(crm.findCustomer(CustomerId.of(showcase.number())).orElseThrow());
		assertThat(found).containsExactlyInAnyOrderElementsOf(expected);
		assertThat(crm.searchCustomers(showcase.email(), null, showcase.lastName())).extracting(Customer::id)
			.containsExactly(CustomerId.of(showcase.number()));
		assertThat(crm.searchCustomers(showcase.email(), null, "Zzyzx")).isEmpty();
	}

	@Test
	void takesWildcardsInANameLiterally() {
		assertThat(crm.searchCustomers(null, null, "%")).isEmpty();
		assertThat(crm.searchCustomers(null, null, "_a")).isEmpty();
		assertThat(crm.searchCustomers(null, null, "x\\%' OR")).isEmpty();
	}

	@Test
	void refusesANameOfTooManyWords() {
		assertThatThrownBy(() -> crm.searchCustomers(null, null, "a b c d e"))
			.isInstanceOf(IllegalArgumentException.class);
	}

	private static boolean startsWithIgnoringCase(String value, String prefix) {
		return value != null && value.regionMatches(true, 0, prefix, 0, prefix.length());
	}

	@Test
	void keepsQuotesInSearchInputFromBreakingTheQuery() {
		assertThat(crm.searchCustomers("o'brien\\@example.com' OR Email != '", null)).isEmpty();
	}

	@Test
	void refusesToSearchWithoutEmailOrPhone() {
		assertThatThrownBy(() -> crm.searchCustomers(null, " ")).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void openingTheSameCaseTwiceLeavesOneCase() {
		SalesforceEffects effects = Sandbox.bean(SalesforceEffects.class);
		long createdBefore = effects.count(SalesforceEffects.CASES_CREATED);
		long updatedBefore = effects.count(SalesforceEffects.CASES_UPDATED);
		OpenCase command = new OpenCase(externalId(), CustomerId.of(showcase.number()),
				OrderId.of(DemoData.Showcase.DELIVERED_ORDER), "Damaged item", "The mug arrived broken.", null,
				CasePriority.HIGH, "Web");

		ServiceCase first = crm.openCase(command);
		ServiceCase second = crm.openCase(command);

		assertThat(second.id()).isEqualTo(first.id());
		assertThat(effects.count(SalesforceEffects.CASES_CREATED)).isEqualTo(createdBefore + 1);
		assertThat(effects.count(SalesforceEffects.CASES_UPDATED)).isEqualTo(updatedBefore + 1);
		assertThat(first.caseNumber()).matches("\\d{8}");
		assertThat(first.externalId()).isEqualTo(command.externalId());
		assertThat(first.customerId()).isEqualTo(command.customerId());
		assertThat(first.orderId()).isEqualTo(command.orderId());
		assertThat(first.subject()).isEqualTo("Damaged item");
		assertThat(first.description()).isEqualTo("The mug arrived broken.");
		assertThat(first.status()).isEqualTo(CaseStatus.NEW);
		assertThat(first.priority()).isEqualTo(CasePriority.HIGH);
		assertThat(first.origin()).isEqualTo("Web");
		assertThat(first.createdAt()).isBefore(Instant.now().plusSeconds(1));
		assertThat(first.closedAt()).isNull();
		assertThat(first.comments()).isEmpty();
	}

	@Test
	void aRepeatedOpenDoesNotResetWhatHappenedToTheCase() {
		OpenCase command = new OpenCase(externalId(), CustomerId.of(showcase.number()), null, "Late parcel", null,
				null, null, null);
		ServiceCase opened = crm.openCase(command);
		crm.updateCase(opened.id(), new UpdateCase(CaseStatus.WORKING, null, null, null));

		ServiceCase replayed = crm.openCase(command);

		assertThat(replayed.status()).isEqualTo(CaseStatus.WORKING);
		assertThat(replayed.priority()).isEqualTo(CasePriority.MEDIUM);
	}

	@Test
	void refusesToOpenACaseForAnUnknownCustomer() {
		OpenCase command = new OpenCase(externalId(), CustomerId.of("99999999"), null, "Who?", null, null, null,
				null);

		assertThatThrownBy(() -> crm.openCase(command)).isInstanceOfSatisfying(ResourceNotFoundException.class,
				ex -> assertThat(ex.resource()).isEqualTo("customer"));
	}

	@Test
	void passesTheOrgsRefusalOnWithItsErrorCode() {
		OpenCase command = new OpenCase(externalId(), CustomerId.of(showcase.number()), null, "By fax", null, null,
				null, "Fax");

		assertThatThrownBy(() -> crm.openCase(command)).isInstanceOfSatisfying(BackendRejectedException.class, ex -> {
			assertThat(ex.backend()).isEqualTo(Backends.CRM);
			assertThat(ex.status()).isEqualTo(400);
			assertThat(ex.code()).isEqualTo("INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST");
			assertThat(ex.getMessage()).contains("Origin");
		});
	}

	@Test
	void closesACaseAndRecordsWhen() {
		ServiceCase opened = crm.openCase(new OpenCase(externalId(), CustomerId.of(showcase.number()), null,
				"Question", null, null, null, "Phone"));

		ServiceCase closed = crm.updateCase(opened.id(),
				new UpdateCase(CaseStatus.CLOSED, CasePriority.LOW, "Question answered", null));

		assertThat(closed.status()).isEqualTo(CaseStatus.CLOSED);
		assertThat(closed.priority()).isEqualTo(CasePriority.LOW);
		assertThat(closed.subject()).isEqualTo("Question answered");
		assertThat(closed.closedAt()).isNotNull();
		assertThat(crm.findCase(opened.id())).contains(closed);
	}

	@Test
	void updatingAnUnknownCaseIsNotFound() {
		UpdateCase close = new UpdateCase(CaseStatus.CLOSED, null, null, null);

		assertThatThrownBy(() -> crm.updateCase(CaseId.of("5005g0000999999999"), close))
			.isInstanceOf(ResourceNotFoundException.class);
		assertThatThrownBy(() -> crm.updateCase(CaseId.of("no-such-case"), close))
			.isInstanceOf(ResourceNotFoundException.class);
	}

	@Test
	void addsCommentsThatComeBackWithTheCaseOldestFirst() {
		ServiceCase opened = crm.openCase(new OpenCase(externalId(), CustomerId.of(showcase.number()), null,
				"Refund status", null, null, null, "Email"));
		long commentsBefore = Sandbox.bean(SalesforceEffects.class).count(SalesforceEffects.CASE_COMMENTS_CREATED);

		CaseComment first = crm.addComment(opened.id(), new AddCaseComment("Refund pending", false));
		CaseComment second = crm.addComment(opened.id(), new AddCaseComment("Refund posted", true));

		assertThat(first.body()).isEqualTo("Refund pending");
		assertThat(first.published()).isFalse();
		assertThat(first.createdAt()).isNotNull();
		assertThat(Sandbox.bean(SalesforceEffects.class).count(SalesforceEffects.CASE_COMMENTS_CREATED))
			.isEqualTo(commentsBefore + 2);
		assertThat(crm.findCase(opened.id()).orElseThrow().comments()).containsExactly(first, second);
	}

	@Test
	void commentingOnAnUnknownCaseIsNotFound() {
		assertThatThrownBy(() -> crm.addComment(CaseId.of("5005g0000999999999"), new AddCaseComment("hello", false)))
			.isInstanceOf(ResourceNotFoundException.class);
	}

	@Test
	void findsCasesByIdExternalIdCustomerAndOrder() {
		String externalId = externalId();
		ServiceCase opened = crm.openCase(new OpenCase(externalId, CustomerId.of(showcase.number()),
				OrderId.of(DemoData.Showcase.OLD_ORDER), "Too late to return?", null, null, null, null));

		assertThat(crm.findCase(opened.id())).contains(opened);
		assertThat(crm.findCaseByExternalId(externalId)).contains(opened);
		assertThat(crm.findCases(CustomerId.of(showcase.number()), null)).contains(opened)
			.allSatisfy(c -> assertThat(c.customerId()).isEqualTo(CustomerId.of(showcase.number())))
			.isSortedAccordingTo((a, b) -> b.createdAt().compareTo(a.createdAt()));
		assertThat(crm.findCases(null, OrderId.of(DemoData.Showcase.OLD_ORDER))).contains(opened)
			.allSatisfy(c -> assertThat(c.orderId()).isEqualTo(OrderId.of(DemoData.Showcase.OLD_ORDER)));
		assertThat(crm.findCases(CustomerId.of("17100002"), OrderId.of(DemoData.Showcase.OLD_ORDER))).isEmpty();
	}

	@Test
	void readsTheHistoricCasesTheOrgWasSeededWith() {
		List<ServiceCase> cases = crm.findCases(null, OrderId.of(DemoData.Showcase.PARTLY_RETURNED_ORDER));

		assertThat(cases).anySatisfy(c -> {
			assertThat(c.status()).isEqualTo(CaseStatus.CLOSED);
			assertThat(c.closedAt()).isAfter(c.createdAt());
			assertThat(c.comments()).hasSize(1);
			assertThat(c.comments().get(0).published()).isTrue();
		});
	}

	@Test
	void findsNothingForUnknownOrMalformedCaseIds() {
		assertThat(crm.findCase(CaseId.of("5005g0000999999999"))).isEmpty();
		assertThat(crm.findCase(CaseId.of("not-an-id"))).isEmpty();
		assertThat(crm.findCaseByExternalId("never-opened-" + UUID.randomUUID())).isEmpty();
	}

	@Test
	void readsEveryCommentOfACaseAcrossQueryBatches() {
		ServiceCase opened = crm.openCase(new OpenCase(externalId(), CustomerId.of(showcase.number()), null,
				"Long conversation", null, null, null, null));
		RestClient salesforce = sandboxSalesforce();
		int comments = 205;
		for (int i = 0; i < comments; i++) {
			salesforce.post()
				.uri("/sobjects/CaseComment")
				.contentType(MediaType.APPLICATION_JSON)
				.body(Map.of("ParentId", opened.id().value(), "CommentBody", "note " + i))
				.retrieve()
				.toBodilessEntity();
		}

		List<CaseComment> read = crm.findCase(opened.id()).orElseThrow().comments();

		assertThat(read).hasSize(comments);
		assertThat(read.get(comments - 1).body()).isEqualTo("note " + (comments - 1));
	}

	@Test
	void signsInAgainOnceWhenTheSessionHasExpired() {
		crm.findCustomer(CustomerId.of(showcase.number()));
		SalesforceEffects effects = Sandbox.bean(SalesforceEffects.class);
		long tokensBefore = effects.count(SalesforceEffects.TOKENS_ISSUED);

		Sandbox.bean(SalesforceSessions.class).expireAll();

		assertThat(crm.findCustomer(CustomerId.of(showcase.number()))).isPresent();
		assertThat(crm.findCustomer(CustomerId.of(showcase.number()))).isPresent();
		assertThat(effects.count(SalesforceEffects.TOKENS_ISSUED)).isEqualTo(tokensBefore + 1);
	}

	@Test
	void treatsAUsedUpApiAllocationAsTheCrmBeingUnavailable() {
		Sandbox.inject(Backend.CRM, new Fault(0, 0, 403, true, null));

		assertThatThrownBy(() -> crm.findCustomer(CustomerId.of(showcase.number())))
			.isInstanceOfSatisfying(BackendUnavailableException.class,
					ex -> assertThat(ex.backend()).isEqualTo(Backends.CRM));
	}

	/** The sandbox org reached directly, as another Salesforce client would: to write past the adapter. */
	private static RestClient sandboxSalesforce() {
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("grant_type", "client_credentials");
		form.add("client_id", "retail-hub");
		form.add("client_secret", "sandbox-crm-secret");
		String token = RestClient.create(Sandbox.baseUrl(Backend.CRM))
			.post()
			.uri("/services/oauth2/token")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(form)
			.retrieve()
			.body(JsonNode.class)
			.get("access_token")
			.asString();
		return RestClient.builder()
			.baseUrl(Sandbox.baseUrl(Backend.CRM) + "/services/data/v60.0")
			.defaultHeaders(headers -> headers.setBearerAuth(token))
			.build();
	}

	private static String externalId() {
		return "test-case-" + UUID.randomUUID();
	}
}
