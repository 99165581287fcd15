package io.retailhub.system.crm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import io.retailhub.contracts.CasePriority;
import io.retailhub.contracts.CustomerId;
import io.retailhub.contracts.OrderId;
import io.retailhub.contracts.ServiceCase;
import io.retailhub.contracts.commands.AddCaseComment;
import io.retailhub.contracts.commands.OpenCase;
import io.retailhub.sandbox.backends.crm.SalesforceEffects;
import io.retailhub.sandbox.backends.data.DemoData;
import io.retailhub.sandbox.backends.faults.Backend;
import io.retailhub.sandbox.backends.faults.RequestCounts;
import io.retailhub.system.backend.CreateOutcome;
import io.retailhub.system.support.Sandbox;
import io.retailhub.system.support.SystemApiIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

/**
 * Opening a case tells from the upsert's own answer whether it created the case, so nobody has
 * to look the case up first; the case it answers is still read from the CRM, with its comments.
 */
@SystemApiIntegrationTest
class SalesforceCaseUpsertIntegrationTests {

	@Autowired
	SalesforceCrmAdapter crm;

	final RequestCounts requests = Sandbox.bean(RequestCounts.class);

	final SalesforceEffects effects = Sandbox.bean(SalesforceEffects.class);

	@Test
	void tellsACreatedCaseFromAnUpdatedOneByTheUpsertsAnswer() {
		OpenCase command = open("case-upsert-" + UUID.randomUUID());
		long created = effects.count(SalesforceEffects.CASES_CREATED);

		CreateOutcome<ServiceCase> first = crm.openOrUpdateCase(command);
		CreateOutcome<ServiceCase> second = crm.openOrUpdateCase(command);

		assertThat(first.created()).isTrue();
		assertThat(second.created()).isFalse();
		assertThat(second.value().id()).isEqualTo(first.value().id());
		assertThat(effects.count(SalesforceEffects.CASES_CREATED)).isEqualTo(created + 1);
	}

	@Test
	void answersTheCaseAsTheCrmHasItWithItsCommentsReadingContactCaseAndCommentsOnly() {
		OpenCase command = open("case-upsert-" + UUID.randomUUID());
		ServiceCase opened = crm.openCase(command);
		crm.addComment(opened.id(), new AddCaseComment("Parcel is on its way back", true));
		long gets = requests.count(Backend.CRM, "GET");
		long patches = requests.count(Backend.CRM, "PATCH");

		CreateOutcome<ServiceCase> repeated = crm.openOrUpdateCase(command);

		assertThat(repeated.created()).isFalse();
		assertThat(repeated.value().comments()).extracting(c -> c.body()).containsExactly("Parcel is on its way back");
		assertThat(requests.count(Backend.CRM, "GET") - gets).isEqualTo(3);
		assertThat(requests.count(Backend.CRM, "PATCH") - patches).isEqualTo(1);
	}

	private static OpenCase open(String externalId) {
		return new OpenCase(externalId, CustomerId.of(DemoData.Showcase.CUSTOMER),
				OrderId.of(DemoData.Showcase.DELIVERED_ORDER), "Return question", null, null, CasePriority.LOW, "Web");
	}
}
