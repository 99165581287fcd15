package io.retailhub.system.crm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import io.retailhub.contracts.Address;
import io.retailhub.contracts.CaseStatus;
import io.retailhub.contracts.Customer;
import io.retailhub.contracts.ServiceCase;
import io.retailhub.system.crm.SalesforcePayloads.CaseRecord;
import io.retailhub.system.crm.SalesforcePayloads.ContactRecord;
import org.junit.jupiter.api.Test;

class SalesforceMappingTests {

	@Test
	void judgesAnOrgSpecificStatusByIsClosed() {
		assertThat(SalesforceCrmAdapter.status(caseWithStatus("On Hold", false))).isEqualTo(CaseStatus.WORKING);
		assertThat(SalesforceCrmAdapter.status(caseWithStatus("Resolved", true))).isEqualTo(CaseStatus.CLOSED);
		assertThat(SalesforceCrmAdapter.status(caseWithStatus("Escalated", false))).isEqualTo(CaseStatus.ESCALATED);
	}

	@Test
	void leavesAnUnknownPriorityOutAndACaseWithoutContactWithoutCustomer() {
		CaseRecord record = new CaseRecord("5005g0000000000001", "00001000", "New", "Urgent!!", "Web", "s", null,
				null, null, null, false, null, "2024-05-20T20:49:32.000+0000", null);

		ServiceCase mapped = SalesforceCrmAdapter.serviceCase(record, List.of());

		assertThat(mapped.priority()).isNull();
		assertThat(mapped.customerId()).isNull();
		assertThat(mapped.orderId()).isNull();
		assertThat(mapped.createdAt()).isEqualTo(Instant.parse("2024-05-20T20:49:32Z"));
	}

	@Test
	void splitsAMultiLineMailingStreetIntoTwoAddressLines() {
		ContactRecord contact = new ContactRecord("0035g0000000000001", "Ann", "Lee", null, null,
				"12 Main Street\nApartment 4", "Austin", "73301", "TX", "US", "17100099");

		Customer customer = SalesforceCrmAdapter.customer(contact);

		assertThat(customer.address()).isEqualTo(new Address("12 Main Street", "Apartment 4", "Austin", "73301", "TX", "US"));
	}

	@Test
	void givesNoAddressWhenTheContactHasNone() {
		ContactRecord contact = new ContactRecord("0035g0000000000001", "Ann", "Lee", null, null, null, null, null,
				null, null, "17100099");

		assertThat(SalesforceCrmAdapter.customer(contact).address()).isNull();
	}

	@Test
	void readsSalesforceDatetimesWithAndWithoutMillisAndOffsets() {
		assertThat(SalesforceDates.parse("2024-05-20T20:49:32.000+0000")).isEqualTo(Instant.parse("2024-05-20T20:49:32Z"));
		assertThat(SalesforceDates.parse("2024-05-20T22:49:32.123+0200"))
			.isEqualTo(Instant.parse("2024-05-20T20:49:32.123Z"));
		assertThat(SalesforceDates.parse("2024-05-20T20:49:32Z")).isEqualTo(Instant.parse("2024-05-20T20:49:32Z"));
		assertThat(SalesforceDates.parse(null)).isNull();
	}

	@Test
	void quotesSoqlLiteralsSoNoInputCanEndThem() {
		assertThat(Soql.quote("o'brien")).isEqualTo("'o\\'brien'");
		assertThat(Soql.quote("back\\slash")).isEqualTo("'back\\\\slash'");
		assertThat(Soql.quote("line\nbreak")).isEqualTo("'line\\nbreak'");
	}

	private static CaseRecord caseWithStatus(String status, boolean closed) {
		return new CaseRecord("5005g0000000000001", "00001000", status, "Medium", null, "s", null, null, null, null,
				closed, null, "2024-05-20T20:49:32.000+0000", null);
	}
}
