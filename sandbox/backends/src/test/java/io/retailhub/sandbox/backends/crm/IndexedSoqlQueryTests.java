package io.retailhub.sandbox.backends.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.retailhub.sandbox.backends.data.DemoCustomer;
import io.retailhub.sandbox.backends.data.DemoData;
import io.retailhub.sandbox.backends.state.SandboxState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The indexed path of the simulated Salesforce org answers exactly what a scan of every record
 * answers: same rows in the same order, for the queries the hub sends and variations of them,
 * with ordering, limits, offsets and cursors, without matches, for records created or changed
 * after the indexes were built, and while records are created concurrently.
 */
class IndexedSoqlQueryTests {

	static final Instant ANCHOR = Instant.parse("2026-11-27T00:00:00Z");

	static final String VERSION = "v60.0";

	static final String CASE_FIELDS = "Id, CaseNumber, Status, Priority, Origin, Subject, Description, ContactId, "
			+ "External_Id__c, Order_Number__c, IsClosed, ClosedDate, CreatedDate, Contact.Customer_Number__c";

	static final String NEWEST_FIRST = " ORDER BY CreatedDate DESC, Id DESC";

	static final String COMMENT_FIELDS = "Id, ParentId, CommentBody, IsPublished, CreatedDate";

	static final String CONTACT_FIELDS = "Id, FirstName, LastName, Email, Phone, MailingCity, Customer_Number__c";

	final DemoData data = DemoData.generate(DemoData.DEFAULT_SEED, ANCHOR, 60, 400);

	/** A fixed clock: every record created in a test has the same CreatedDate, so ties are many. */
	final SalesforceOrg org = new SalesforceOrg(data, Clock.fixed(ANCHOR, ZoneOffset.UTC), new SalesforceEffects(),
			SandboxState.inMemory());

	/** Customers without seeded cases; customer k has k % 3 + 1 cases, on orders ORD-k-0 and ORD-k-1. */
	List<DemoCustomer> customers;

	/** Case Ids by external ID. */
	final Map<String, String> cases = new LinkedHashMap<>();

	@BeforeEach
	void casesWithTwoCommentsEachForSixCustomers() {
		customers = data.customers()
			.stream()
			.filter(c -> scan("SELECT Id FROM Case WHERE Contact.Customer_Number__c = '" + c.number() + "'").isEmpty())
			.limit(6)
			.toList();
		assertThat(customers).hasSize(6);
		for (int k = 0; k < customers.size(); k++) {
			for (int j = 0; j <= k % 3; j++) {
				openCase("RET-" + k + "-" + j, customers.get(k), "ORD-" + k + "-" + (j % 2));
			}
		}
	}

	@Test
	void answersTheHubsCaseAndCommentQueriesAsAFullScanDoes() {
		DemoCustomer three = customers.get(2);
		String first = cases.get("RET-2-0");

		assertSameAsScan(1, "SELECT " + CASE_FIELDS + " FROM Case WHERE Id = '" + first + "'" + NEWEST_FIRST + " LIMIT 1");
		assertSameAsScan(1, "SELECT " + CASE_FIELDS + " FROM Case WHERE External_Id__c = 'RET-2-1'" + NEWEST_FIRST
				+ " LIMIT 1");
		assertSameAsScan(3, "SELECT " + CASE_FIELDS + " FROM Case WHERE Contact.Customer_Number__c = '"
				+ three.number() + "'" + NEWEST_FIRST + " LIMIT 50");
		assertSameAsScan(2, "SELECT " + CASE_FIELDS + " FROM Case WHERE Order_Number__c = 'ORD-2-0'" + NEWEST_FIRST
				+ " LIMIT 50");
		assertSameAsScan(2, "SELECT " + CASE_FIELDS + " FROM Case WHERE Contact.Customer_Number__c = '"
				+ three.number() + "' AND Order_Number__c = 'ORD-2-0'" + NEWEST_FIRST + " LIMIT 50");
		assertSameAsScan(6, "SELECT " + COMMENT_FIELDS + " FROM CaseComment WHERE ParentId IN ('" + first + "', '"
				+ cases.get("RET-2-1") + "', '" + cases.get("RET-2-2") + "') ORDER BY CreatedDate, Id");
		assertSameAsScan(1, "SELECT " + CASE_FIELDS + " FROM Case WHERE Order_Number__c = '"
				+ DemoData.Showcase.SPLIT_SHIPMENT_ORDER + "'" + NEWEST_FIRST);
	}

	@Test
	void answersTheHubsContactQueriesAsAFullScanDoes() {
		DemoCustomer customer = customers.get(0);
		String digits = customer.phone().replaceAll("\\D", "");

		assertSameAsScan(1, "SELECT " + CONTACT_FIELDS + " FROM Contact WHERE Customer_Number__c = '"
				+ customer.number() + "'");
		assertSameAsScan(1, "SELECT " + CONTACT_FIELDS + " FROM Contact WHERE Email = '"
				+ customer.email().toUpperCase(Locale.ROOT) + "' AND Customer_Number__c != null"
				+ " ORDER BY LastName, FirstName, Customer_Number__c LIMIT 100");
		assertSameAsScan(1, "SELECT " + CONTACT_FIELDS + " FROM Contact WHERE Phone IN ('" + digits + "', '+" + digits
				+ "') AND Customer_Number__c != null ORDER BY LastName, FirstName, Customer_Number__c LIMIT 100");
		assertSameAsScan(1, "SELECT " + CONTACT_FIELDS + " FROM Contact WHERE Email = '" + customer.email()
				+ "' AND Phone = '" + customer.phone() + "'");
	}

	@Test
	void keepsOrderingLimitsAndOffsetsOfAFullScan() {
		String customer = customers.get(5).number();
		String ofCustomer = " FROM Case WHERE Contact.Customer_Number__c = '" + customer + "'";
		String orders = " FROM Case WHERE Order_Number__c IN ('ORD-5-0', 'ORD-5-1', 'ORD-4-1', 'ORD-1-0')";

		assertSameAsScan(3, "SELECT Id, Subject" + ofCustomer);
		assertSameAsScan(3, "SELECT Id, Subject" + ofCustomer + " ORDER BY CreatedDate");
		assertSameAsScan(2, "SELECT Id" + ofCustomer + " ORDER BY CreatedDate DESC LIMIT 2");
		assertSameAsScan(2, "SELECT Id" + ofCustomer + " ORDER BY CreatedDate LIMIT 5 OFFSET 1");
		assertSameAsScan(0, "SELECT Id" + ofCustomer + " ORDER BY Id LIMIT 5 OFFSET 3");
		assertSameAsScan(5, "SELECT Id, Order_Number__c" + orders);
		assertSameAsScan(5, "SELECT Id, Order_Number__c" + orders + " ORDER BY Order_Number__c DESC NULLS LAST");
		assertSameAsScan(2, "SELECT Id" + orders + " ORDER BY Subject DESC LIMIT 2 OFFSET 3");
	}

	@Test
	void pagesThroughACursorAsAFullScanDoes() {
		String soql = "SELECT Id, External_Id__c FROM Case WHERE Order_Number__c IN ('ORD-2-0', 'ORD-5-0', 'ORD-5-1')"
				+ " ORDER BY CreatedDate";
		QueryCursors cursors = new QueryCursors(Clock.fixed(ANCHOR, ZoneOffset.UTC));

		List<Object> indexed = allBatches(cursors, org.query(SoqlExecution.compile(soql), VERSION));
		List<Object> scanned = allBatches(cursors, scan(soql));

		assertThat(indexed).hasSize(5).isEqualTo(scanned);
	}

	@Test
	void combinesAnIndexedEqualityWithAnyOtherCondition() {
		String customer = customers.get(4).number();
		String id = cases.get("RET-4-1");

		assertSameAsScan(1, "SELECT Id FROM Case WHERE Contact.Customer_Number__c = '" + customer
				+ "' AND (Order_Number__c = 'ORD-4-1' OR Subject LIKE 'nothing%') AND Status != 'Closed'");
		assertSameAsScan(1, "SELECT Id FROM Case WHERE (External_Id__c = 'RET-4-0' AND Status = 'New')"
				+ " AND NOT Order_Number__c = 'ORD-4-1'");
		assertSameAsScan(1, "SELECT Id FROM Case WHERE Id IN ('" + id + "', '" + id.toLowerCase(Locale.ROOT) + "')");
		assertSameAsScan(2, "SELECT Id FROM Case WHERE External_Id__c IN ('ret-4-0', 'RET-4-1', 'RET-4-9')");
		assertSameAsScan(2, "SELECT Id FROM Case WHERE External_Id__c = 'RET-4-0' OR Order_Number__c = 'ORD-5-1'"
				+ " ORDER BY External_Id__c");
		assertSameAsScan(12, "SELECT Id FROM Case WHERE External_Id__c LIKE 'RET-%' ORDER BY External_Id__c DESC");
		assertSameAsScan(8, "SELECT Id FROM Case WHERE Order_Number__c NOT IN ('ORD-5-0', 'ORD-2-0')"
				+ " AND External_Id__c LIKE 'RET-%'");
	}

	@Test
	void answersNothingWhereAFullScanFindsNothing() {
		String customer = customers.get(1).number();

		assertSameAsScan(0, "SELECT Id FROM Case WHERE External_Id__c = 'RET-9-9'");
		assertSameAsScan(0, "SELECT Id FROM Case WHERE Id = '500" + "5g0000" + "999999999'");
		assertSameAsScan(0, "SELECT Id FROM Case WHERE Contact.Customer_Number__c = '00000000'");
		assertSameAsScan(0, "SELECT Id FROM Case WHERE Contact.Customer_Number__c = '" + customer
				+ "' AND Order_Number__c = 'ORD-2-0'");
		assertSameAsScan(0, "SELECT Id FROM Case WHERE External_Id__c = 'RET-1-0' AND External_Id__c = 'RET-1-1'");
		assertSameAsScan(0, "SELECT Id FROM CaseComment WHERE ParentId IN ('" + customers.get(0).contactId() + "')");
		assertSameAsScan(0, "SELECT Id FROM Contact WHERE Email = 'nobody@example.com'");
	}

	@Test
	void comparesTextIgnoringCaseAsAFullScanDoes() {
		openCase("CASE-İ", customers.get(0), "ord-ſ");
		openCase("case-i", customers.get(0), "ORD-S");

		assertSameAsScan(2, "SELECT Id FROM Case WHERE External_Id__c = 'CASE-I'");
		assertSameAsScan(2, "SELECT Id FROM Case WHERE External_Id__c = 'case-İ'");
		assertSameAsScan(2, "SELECT Id FROM Case WHERE Order_Number__c = 'Ord-s'");
		assertSameAsScan(2, "SELECT Id FROM Case WHERE Order_Number__c = 'ORD-ſ'");
	}

	@Test
	void findsRecordsByFifteenCharacterAndCaseChangedIdsAsAFullScanDoes() {
		String id = cases.get("RET-3-0");
		String comment = createComment(id.substring(0, 15), "by a 15-character parent Id");
		String shortContactId = customers.get(3).contactId().substring(0, 15);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("Subject", "contact given by a 15-character Id");
		body.put("ContactId", shortContactId);
		String byShortContact = org.create(SObjectType.CASE, body);
		Object namedContact = org.byId(SObjectType.CONTACT, shortContactId).get("Customer_Number__c");

		assertSameAsScan(1, "SELECT Id FROM CaseComment WHERE Id = '" + comment + "'");
		assertSameAsScan(2, "SELECT Id, CommentBody FROM CaseComment WHERE ParentId = '" + id + "'");
		assertSameAsScan(2, "SELECT Id, CommentBody FROM CaseComment WHERE ParentId = '"
				+ id.toLowerCase(Locale.ROOT) + "'");
		List<Map<String, Object>> prefixed = assertSameAsScan(-1,
				"SELECT Id, CommentBody FROM CaseComment WHERE ParentId = '" + id.substring(0, 15) + "'");
		assertThat(prefixed).hasSizeGreaterThan(3);
		assertSameAsScan(-1, "SELECT Id FROM Case WHERE Id = '" + id.substring(0, 15) + "'");
		assertSameAsScan(1, "SELECT Id, Contact.Email FROM Case WHERE Contact.Customer_Number__c = '"
				+ customers.get(3).number() + "'");
		assertThat(assertSameAsScan(-1, "SELECT Id, Contact.Email FROM Case WHERE Contact.Customer_Number__c = '"
				+ namedContact + "'")).extracting(row -> row.get("Id")).contains(byShortContact);
	}

	@Test
	void readsEveryRecordByIdAsAFullScanFindsIt() {
		RecordSource scan = fullScan();
		for (SObjectType type : SObjectType.values()) {
			List<Map<String, Object>> all = List.copyOf(org.all(type));
			assertThat(all).as(type.apiName()).isNotEmpty();
			for (Map<String, Object> record : all) {
				String id = (String) record.get("Id");
				for (String given : List.of(id, id.toLowerCase(Locale.ROOT), id.substring(0, 15))) {
					assertThat(org.byId(type, given)).as(type.apiName() + " " + given).isSameAs(scan.byId(type, given));
				}
				assertThat(org.byId(type, id)).isSameAs(record);
			}
			assertThat(org.byId(type, type.keyPrefix() + "5g0000" + "999999999")).isNull();
		}
	}

	@Test
	void findsRecordsCreatedAfterTheIndexesWereBuilt() {
		String customer = customers.get(0).number();
		String byCustomer = "SELECT Id FROM Case WHERE Contact.Customer_Number__c = '" + customer + "'" + NEWEST_FIRST;
		assertSameAsScan(0, "SELECT Id FROM Case WHERE External_Id__c = 'RET-LATE'");
		assertSameAsScan(1, byCustomer);

		String id = openCase("RET-LATE", customers.get(0), "ORD-LATE");

		assertSameAsScan(1, "SELECT Id FROM Case WHERE External_Id__c = 'RET-LATE'");
		assertSameAsScan(1, "SELECT Id FROM Case WHERE Order_Number__c = 'ORD-LATE'");
		assertSameAsScan(2, byCustomer);
		assertSameAsScan(2, "SELECT Id FROM CaseComment WHERE ParentId IN ('" + id + "')");
		assertThat(org.byId(SObjectType.CASE, id)).isNotNull();
	}

	@Test
	void movesARecordInTheIndexWhenAnIndexedFieldChanges() {
		DemoCustomer from = customers.get(1);
		DemoCustomer to = customers.get(2);
		String id = cases.get("RET-1-0");
		Map<String, Object> moved = new LinkedHashMap<>();
		moved.put("ContactId", to.contactId());
		moved.put("Order_Number__c", "ORD-2-0");
		moved.put("External_Id__c", "RET-MOVED");

		org.update(SObjectType.CASE, id, moved);

		assertSameAsScan(0, "SELECT Id FROM Case WHERE External_Id__c = 'RET-1-0'");
		assertSameAsScan(1, "SELECT Id FROM Case WHERE External_Id__c = 'RET-MOVED'");
		assertSameAsScan(0, "SELECT Id FROM Case WHERE Order_Number__c = 'ORD-1-0'");
		assertSameAsScan(3, "SELECT Id FROM Case WHERE Order_Number__c = 'ORD-2-0'" + NEWEST_FIRST);
		assertSameAsScan(3, "SELECT Id FROM Case WHERE Order_Number__c = 'ORD-2-0' ORDER BY CreatedDate");
		assertSameAsScan(1, "SELECT Id FROM Case WHERE Contact.Customer_Number__c = '" + from.number() + "'");
		assertSameAsScan(4, "SELECT Id FROM Case WHERE Contact.Customer_Number__c = '" + to.number() + "'");

		org.upsert(SObjectType.CASE, "External_Id__c", "RET-MOVED", Map.of("Order_Number__c", "ORD-1-0"));
		org.update(SObjectType.CONTACT, to.contactId(), Map.of("Customer_Number__c", "99000001", "Email",
				"moved@example.com"));

		assertSameAsScan(1, "SELECT Id FROM Case WHERE Order_Number__c = 'ORD-1-0'");
		assertSameAsScan(2, "SELECT Id FROM Case WHERE Order_Number__c = 'ORD-2-0'");
		assertSameAsScan(0, "SELECT Id FROM Case WHERE Contact.Customer_Number__c = '" + to.number() + "'");
		assertSameAsScan(4, "SELECT Id FROM Case WHERE Contact.Customer_Number__c = '99000001'");
		assertSameAsScan(1, "SELECT Id FROM Contact WHERE Email = 'MOVED@example.com'");
		assertSameAsScan(0, "SELECT Id FROM Contact WHERE Email = '" + to.email() + "'");
		assertThat(org.readByExternalId(SObjectType.CASE, "External_Id__c", "ret-moved", List.of("Id"), VERSION))
			.containsEntry("Id", id);
	}

	@Test
	void looksAtTheCandidatesOfAnIndexedEqualityOnly() {
		String customer = customers.get(2).number();
		RecordSource indexesOnly = indexesOnly();

		for (String soql : List.of("SELECT Id FROM Case WHERE External_Id__c = 'RET-2-0'",
				"SELECT Id FROM Case WHERE Contact.Customer_Number__c = '" + customer + "' AND Status = 'New'",
				"SELECT Id FROM Case WHERE Subject != null AND Order_Number__c IN ('ORD-2-0', 'ORD-2-1')",
				"SELECT Id FROM CaseComment WHERE ParentId IN ('" + cases.get("RET-2-0") + "')",
				"SELECT Id FROM Contact WHERE Customer_Number__c = '" + customer + "'")) {
			assertThat(SoqlExecution.compile(soql).run(indexesOnly, VERSION)).as(soql)
				.isNotEmpty()
				.isEqualTo(org.query(SoqlExecution.compile(soql), VERSION));
		}
		for (String soql : List.of("SELECT Id FROM Case WHERE External_Id__c LIKE 'RET-2-%'",
				"SELECT Id FROM Case WHERE External_Id__c = 'RET-2-0' OR Order_Number__c = 'ORD-2-0'",
				"SELECT Id FROM Case WHERE Order_Number__c = null", "SELECT Id FROM Case WHERE Status = 'New'")) {
			assertThatThrownBy(() -> SoqlExecution.compile(soql).run(indexesOnly, VERSION)).as(soql)
				.isInstanceOf(AssertionError.class)
				.hasMessageContaining("scanned");
		}
	}

	@Test
	void keepsTheIndexesRightWhileCasesAreCreatedAndQueriedConcurrently() throws Exception {
		int count = 40;
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			List<Future<?>> work = new ArrayList<>();
			for (int writer = 0; writer < 2; writer++) {
				int offset = writer;
				work.add(pool.submit(() -> {
					for (int i = offset; i < count; i += 2) {
						openCase("RET-CONCURRENT-" + i, customers.get(i % 6), "ORD-CONCURRENT-" + i);
					}
				}));
			}
			for (int reader = 0; reader < 2; reader++) {
				work.add(pool.submit(() -> {
					for (int round = 0; round < 10; round++) {
						for (int i = 0; i < count; i++) {
							List<Map<String, Object>> found = org.query(SoqlExecution.compile(
									"SELECT Id, Order_Number__c FROM Case WHERE External_Id__c = 'RET-CONCURRENT-" + i
											+ "'"),
									VERSION);
							assertThat(found).hasSizeLessThanOrEqualTo(1);
							for (Map<String, Object> row : found) {
								assertThat(row.get("Order_Number__c")).isEqualTo("ORD-CONCURRENT-" + i);
							}
						}
					}
				}));
			}
			for (Future<?> future : work) {
				future.get(60, TimeUnit.SECONDS);
			}
		}
		finally {
			pool.shutdownNow();
		}

		for (int i = 0; i < count; i++) {
			String id = cases.get("RET-CONCURRENT-" + i);
			assertSameAsScan(1, "SELECT Id FROM Case WHERE External_Id__c = 'RET-CONCURRENT-" + i + "'");
			assertSameAsScan(1, "SELECT Id FROM Case WHERE Order_Number__c = 'ORD-CONCURRENT-" + i + "'");
			assertSameAsScan(2, "SELECT Id FROM CaseComment WHERE ParentId = '" + id + "'");
		}
		for (DemoCustomer customer : customers) {
			assertSameAsScan(-1, "SELECT Id FROM Case WHERE Contact.Customer_Number__c = '" + customer.number() + "'"
					+ NEWEST_FIRST);
		}
	}

	/** Opens (upserts) a case with two comments, as a return workflow does. */
	private String openCase(String externalId, DemoCustomer customer, String orderNumber) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("Subject", "Return " + externalId);
		body.put("ContactId", customer.contactId());
		body.put("Order_Number__c", orderNumber);
		String id = org.upsert(SObjectType.CASE, "External_Id__c", externalId, body).id();
		synchronized (cases) {
			cases.put(externalId, id);
		}
		createComment(id, "Return received");
		createComment(id, "Refund issued");
		return id;
	}

	private String createComment(String caseId, String text) {
		Map<String, Object> comment = new LinkedHashMap<>();
		comment.put("ParentId", caseId);
		comment.put("CommentBody", text);
		return org.create(SObjectType.CASE_COMMENT, comment);
	}

	/**
	 * The org's answer equals the answer of a scan over every record, and has {@code expected}
	 * rows (so that a query matching nothing by mistake is seen); -1 when the count is the
	 * scan's.
	 */
	private List<Map<String, Object>> assertSameAsScan(int expected, String soql) {
		List<Map<String, Object>> indexed = org.query(SoqlExecution.compile(soql), VERSION);
		List<Map<String, Object>> scanned = scan(soql);
		assertThat(indexed).as(soql).isEqualTo(scanned);
		if (expected >= 0) {
			assertThat(indexed).as(soql).hasSize(expected);
		}
		return indexed;
	}

	private List<Map<String, Object>> scan(String soql) {
		return SoqlExecution.compile(soql).run(fullScan(), VERSION);
	}

	private static List<Object> allBatches(QueryCursors cursors, List<Map<String, Object>> rows) {
		List<Object> records = new ArrayList<>();
		Map<String, Object> batch = cursors.firstBatch(rows, 2, VERSION);
		records.addAll((List<?>) batch.get("records"));
		while (batch.get("nextRecordsUrl") instanceof String next) {
			batch = cursors.nextBatch(next.substring(next.lastIndexOf('/') + 1), null, VERSION);
			records.addAll((List<?>) batch.get("records"));
		}
		return records;
	}

	/** The org read as before it had indexes: every record of the type, every time. */
	private RecordSource fullScan() {
		return new RecordSource() {

			@Override
			public Collection<Map<String, Object>> all(SObjectType type) {
				return org.all(type);
			}

			@Override
			public Map<String, Object> byId(SObjectType type, String id) {
				if (!Records.isWellFormedId(id)) {
					return null;
				}
				List<Map<String, Object>> all = List.copyOf(org.all(type));
				return all.stream()
					.filter(r -> id.length() == 18 && id.equals(r.get("Id")))
					.findFirst()
					.or(() -> all.stream().filter(r -> Records.sameId((String) r.get("Id"), id)).findFirst())
					.orElse(null);
			}

			@Override
			public Optional<List<Map<String, Object>>> candidates(SObjectType type, Field field,
					Collection<String> values) {
				return Optional.empty();
			}

			@Override
			public Optional<List<Map<String, Object>>> referencing(SObjectType type, Field lookup,
					Collection<String> parentIds) {
				return Optional.empty();
			}
		};
	}

	/** The org's indexes, refusing to hand out every record. */
	private RecordSource indexesOnly() {
		return new RecordSource() {

			@Override
			public Collection<Map<String, Object>> all(SObjectType type) {
				throw new AssertionError("scanned every " + type.apiName());
			}

			@Override
			public Map<String, Object> byId(SObjectType type, String id) {
				return org.byId(type, id);
			}

			@Override
			public Optional<List<Map<String, Object>>> candidates(SObjectType type, Field field,
					Collection<String> values) {
				return org.candidates(type, field, values);
			}

			@Override
			public Optional<List<Map<String, Object>>> referencing(SObjectType type, Field lookup,
					Collection<String> parentIds) {
				return org.referencing(type, lookup, parentIds);
			}
		};
	}
}
