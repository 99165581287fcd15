package io.retailhub.system.crm;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;

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
import io.retailhub.system.backend.BackendCalls;
import io.retailhub.system.backend.BackendRejectedException;
import io.retailhub.system.backend.BackendRestClients;
import io.retailhub.system.backend.BackendUnavailableException;
import io.retailhub.system.backend.Backends;
import io.retailhub.system.backend.CreateOutcome;
import io.retailhub.system.backend.ResourceNotFoundException;
import io.retailhub.system.crm.SalesforceErrors.RecordNotFound;
import io.retailhub.system.crm.SalesforcePayloads.CaseRecord;
import io.retailhub.system.crm.SalesforcePayloads.CommentRecord;
import io.retailhub.system.crm.SalesforcePayloads.ContactRecord;
import io.retailhub.system.crm.SalesforcePayloads.QueryResult;
import io.retailhub.system.crm.SalesforcePayloads.SaveResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClientResponseException;

/**
 * The hub's way into the CRM, a Salesforce org: customers are Contacts (the customer number is
 * their external ID {@code Customer_Number__c}), service cases are Cases with CaseComments.
 * Cases are opened by upsert on {@code External_Id__c}, Salesforce's idempotency mechanism, so
 * opening the same case twice leaves one. Every call runs under the CRM's resilience policies
 * ({@link BackendCalls}): reads and upserts may be retried, adding a comment (a plain insert) is
 * never retried. The org's refusals surface as {@link BackendRejectedException}s carrying its
 * error code; a used-up API allocation counts as the CRM being unavailable.
 */
@Component
public class SalesforceCrmAdapter {

	private static final Logger log = LoggerFactory.getLogger(SalesforceCrmAdapter.class);

	private static final String CONTACT_FIELDS = "Id, FirstName, LastName, Email, Phone, MailingStreet, MailingCity, "
			+ "MailingPostalCode, MailingState, MailingCountry, Customer_Number__c";

	private static final String CASE_FIELDS = "Id, CaseNumber, Status, Priority, Origin, Subject, Description, "
			+ "ContactId, External_Id__c, Order_Number__c, IsClosed, ClosedDate, CreatedDate, Contact.Customer_Number__c";

	private static final String COMMENT_FIELDS = "Id, ParentId, CommentBody, IsPublished, CreatedDate";

	/** At most this many contacts per search: enough to pick from, never a dump of the org. */
	static final int MAX_SEARCH_RESULTS = 100;

	static final int MAX_NAME_WORDS = 4;

	/** At most this many cases per listing, the most recent first. */
	static final int MAX_CASES = 200;

	/** Case IDs per comment query, keeping the query URL well under common header limits. */
	private static final int COMMENT_BATCH = 100;

	/** A guard against an org whose cursors never end. */
	private static final int MAX_BATCHES = 50;

	private final SalesforceClient salesforce;

	private final BackendCalls calls;

	private final CrmSettings settings;

	SalesforceCrmAdapter(CrmSettings settings, BackendRestClients clients, BackendCalls calls) {
		this.settings = settings;
		this.calls = calls;
		SalesforceSession session = new SalesforceSession(
				clients.forBackend(Backends.CRM, settings.baseUrl(), settings.connectTimeout(), settings.readTimeout()), settings);
		this.salesforce = clients.createClient(
				clients.forBackend(Backends.CRM, settings.restUrl(), settings.connectTimeout(), settings.readTimeout())
					.requestInterceptor(session)
					.defaultStatusHandler(new SalesforceErrors()),
				SalesforceClient.class);
	}

	/** The customer whose contact carries this customer number, or empty. */
	public Optional<Customer> findCustomer(CustomerId id) {
		return calls.read(Backends.CRM, () -> {
			try {
				return Optional.of(salesforce.contactByCustomerNumber(id.value()));
			}
			catch (RecordNotFound ex) {
				return Optional.<ContactRecord>empty();
			}
		}).map(SalesforceCrmAdapter::customer);
	}

	/** As {@link #searchCustomers(String, String, String)} without a name. */
	public List<Customer> searchCustomers(String email, String phone) {
		return searchCustomers(email, phone, null);
	}

	/**
	 * Customers by email (exact, ignoring case), phone and/or name; a contact must match every
	 * one given. A phone is compared in its stored E.164 form: the input is reduced to its digits
	 * and a leading {@code +}; without a {@code +}, both forms are tried. A name is one to
	 * {@value #MAX_NAME_WORDS} words, each the start of the first or the last name, ignoring case
	 * ({@code "mar schm"} finds Maria Schmidt; {@code %} and {@code _} are literal). Contacts
	 * without a customer number are not hub customers and are left out. At most
	 * {@value #MAX_SEARCH_RESULTS}, by name.
	 * @throws IllegalArgumentException when none is given, the phone has no digits, or the name
	 * has more than {@value #MAX_NAME_WORDS} words
	 */
	public List<Customer> searchCustomers(String email, String phone, String name) {
		boolean byEmail = email != null && !email.isBlank();
		boolean byPhone = phone != null && !phone.isBlank();
		boolean byName = name != null && !name.isBlank();
		if (!byEmail && !byPhone && !byName) {
			throw new IllegalArgumentException("Give an email, a phone number or a name to search customers by.");
		}
		List<String> conditions = new ArrayList<>();
		if (byEmail) {
			conditions.add("Email = " + Soql.quote(email.strip()));
		}
		if (byPhone) {
			conditions.add(phoneCondition(phone));
		}
		if (byName) {
			conditions.addAll(nameConditions(name));
		}
		conditions.add("Customer_Number__c != null");
		String soql = "SELECT " + CONTACT_FIELDS + " FROM Contact WHERE " + String.join(" AND ", conditions)
				+ " ORDER BY LastName, FirstName, Customer_Number__c LIMIT " + MAX_SEARCH_RESULTS;
		return calls.read(Backends.CRM, () -> all(salesforce.queryContacts(soql), salesforce::nextContacts))
			.stream()
			.map(SalesforceCrmAdapter::customer)
			.toList();
	}

	/**
	 * Opens the case with {@code command.externalId()}, or updates it if it exists (an upsert on
	 * {@code External_Id__c}): safe to repeat. Only what the command gives is written, so a replay
	 * never resets a case someone has moved on; a new case without status or priority gets the
	 * org's defaults (New and Medium in a standard org).
	 * @return the case as the CRM now has it, with its comments
	 * @throws ResourceNotFoundException when the CRM knows no contact with the customer number
	 */
	public ServiceCase openCase(OpenCase command) {
		return openOrUpdateCase(command).value();
	}

	/**
	 * As {@link #openCase}, telling also whether this call created the case: the upsert's own
	 * answer (201 created, 200 updated), so nobody needs to look first. When an attempt went out
	 * unanswered and a retry then found the case, that attempt most likely created it: created.
	 */
	public CreateOutcome<ServiceCase> openOrUpdateCase(OpenCase command) {
		String contactId = calls.read(Backends.CRM, () -> {
			try {
				return salesforce.contactByCustomerNumber(command.customerId().value()).id();
			}
			catch (RecordNotFound ex) {
				throw new ResourceNotFoundException("customer", command.customerId().value());
			}
		});
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("Subject", command.subject());
		fields.put("ContactId", contactId);
		putIfGiven(fields, "Description", command.description());
		putIfGiven(fields, "Status", command.status() == null ? null : status(command.status()));
		putIfGiven(fields, "Priority", command.priority() == null ? null : priority(command.priority()));
		putIfGiven(fields, "Origin", command.origin());
		putIfGiven(fields, "Order_Number__c", command.orderId() == null ? null : command.orderId().value());
		AtomicInteger unanswered = new AtomicInteger();
		ResponseEntity<SaveResult> upserted = calls.idempotentWrite(Backends.CRM, () -> {
			unanswered.incrementAndGet();
			try {
				ResponseEntity<SaveResult> answer = salesforce.upsertCase(command.externalId(), fields);
				unanswered.decrementAndGet();
				return answer;
			}
			catch (RestClientResponseException | BackendRejectedException | BackendUnavailableException ex) {
				unanswered.decrementAndGet(); // the org answered: this attempt did nothing
				throw ex;
			}
		});
		SaveResult saved = upserted.getBody();
		boolean created = upserted.getStatusCode().isSameCodeAs(HttpStatus.CREATED) || unanswered.get() > 0;
		log.debug("case {} for {} {}", saved.id(), command.externalId(), created ? "created" : "updated");
		ServiceCase current = findCase(CaseId.of(saved.id()))
			.orElseThrow(() -> new ResourceNotFoundException("case", saved.id()));
		return new CreateOutcome<>(current, created);
	}

	/** The case with its comments (oldest first), or empty. */
	public Optional<ServiceCase> findCase(CaseId id) {
		if (!Soql.isRecordId(id.value())) {
			return Optional.empty();
		}
		return cases("Id = " + Soql.quote(id.value()), 1).stream().findFirst();
	}

	/** The case the hub opened under this external ID, with its comments, or empty. */
	public Optional<ServiceCase> findCaseByExternalId(String externalId) {
		if (externalId == null || externalId.isBlank()) {
			return Optional.empty();
		}
		return cases("External_Id__c = " + Soql.quote(externalId.strip()), 1).stream().findFirst();
	}

	/**
	 * A customer's cases, an order's cases, or a customer's cases about an order, newest first,
	 * with their comments; at most {@value #MAX_CASES}.
	 * @throws IllegalArgumentException when neither is given
	 */
	public List<ServiceCase> findCases(CustomerId customerId, OrderId orderId) {
		if (customerId == null && orderId == null) {
			throw new IllegalArgumentException("Give a customer or an order to list cases of.");
		}
		List<String> conditions = new ArrayList<>();
		if (customerId != null) {
			conditions.add("Contact.Customer_Number__c = " + Soql.quote(customerId.value()));
		}
		if (orderId != null) {
			conditions.add("Order_Number__c = " + Soql.quote(orderId.value()));
		}
		return cases(String.join(" AND ", conditions), MAX_CASES);
	}

	/**
	 * Changes what the command gives (a partial update, safe to repeat) and answers the case as
	 * it now is. Setting status CLOSED closes it; the CRM records when.
	 * @throws ResourceNotFoundException when the CRM has no such case
	 */
	public ServiceCase updateCase(CaseId id, UpdateCase command) {
		if (!Soql.isRecordId(id.value())) {
			throw new ResourceNotFoundException("case", id.value());
		}
		Map<String, Object> fields = new LinkedHashMap<>();
		putIfGiven(fields, "Status", command.status() == null ? null : status(command.status()));
		putIfGiven(fields, "Priority", command.priority() == null ? null : priority(command.priority()));
		putIfGiven(fields, "Subject", command.subject());
		putIfGiven(fields, "Description", command.description());
		if (!fields.isEmpty()) {
			calls.idempotentWrite(Backends.CRM, () -> {
				try {
					salesforce.updateCase(id.value(), fields);
					return id;
				}
				catch (RecordNotFound ex) {
					throw new ResourceNotFoundException("case", id.value());
				}
			});
		}
		return findCase(id).orElseThrow(() -> new ResourceNotFoundException("case", id.value()));
	}

	/**
	 * Adds a comment. A plain insert with no idempotency key in Salesforce: it is sent once and
	 * never retried, so a failure may leave the caller unsure whether it was added.
	 * @throws ResourceNotFoundException when the CRM has no such case
	 */
	public CaseComment addComment(CaseId id, AddCaseComment command) {
		if (!Soql.isRecordId(id.value())) {
			throw new ResourceNotFoundException("case", id.value());
		}
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("ParentId", id.value());
		fields.put("CommentBody", command.body());
		fields.put("IsPublished", command.published());
		SaveResult saved = calls.write(Backends.CRM, () -> {
			try {
				return salesforce.createCaseComment(fields);
			}
			catch (BackendRejectedException ex) {
				if ("INVALID_CROSS_REFERENCE_KEY".equals(ex.code()) || "MALFORMED_ID".equals(ex.code())) {
					throw new ResourceNotFoundException("case", id.value());
				}
				throw ex;
			}
		});
		CommentRecord created = calls.read(Backends.CRM, () -> salesforce.caseComment(saved.id()));
		return comment(created);
	}

	private List<ServiceCase> cases(String where, int limit) {
		String soql = "SELECT " + CASE_FIELDS + " FROM Case WHERE " + where + " ORDER BY CreatedDate DESC, Id DESC"
				+ " LIMIT " + limit;
		return calls.read(Backends.CRM, () -> {
			List<CaseRecord> records = all(salesforce.queryCases(soql), salesforce::nextCases);
			Map<String, List<CaseComment>> comments = commentsOf(records.stream().map(CaseRecord::id).toList());
			return records.stream()
				.map(r -> serviceCase(r, comments.getOrDefault(r.id(), List.of())))
				.toList();
		});
	}

	private Map<String, List<CaseComment>> commentsOf(List<String> caseIds) {
		List<CommentRecord> records = new ArrayList<>();
		for (int from = 0; from < caseIds.size(); from += COMMENT_BATCH) {
			String ids = caseIds.subList(from, Math.min(caseIds.size(), from + COMMENT_BATCH))
				.stream()
				.map(Soql::quote)
				.collect(Collectors.joining(", "));
			records.addAll(all(salesforce.queryComments("SELECT " + COMMENT_FIELDS + " FROM CaseComment WHERE ParentId"
					+ " IN (" + ids + ") ORDER BY CreatedDate, Id"), salesforce::nextComments));
		}
		Map<String, List<CaseComment>> byCase = new LinkedHashMap<>();
		records.forEach(r -> byCase.computeIfAbsent(r.parentId(), k -> new ArrayList<>()).add(comment(r)));
		return byCase;
	}

	/** Every record of a query, following {@code nextRecordsUrl} batch by batch. */
	private <T> List<T> all(QueryResult<T> first, Function<URI, QueryResult<T>> next) {
		List<T> records = new ArrayList<>();
		QueryResult<T> batch = first;
		for (int batches = 1; batch != null; batches++) {
			if (batch.records() != null) {
				records.addAll(batch.records());
			}
			if (batch.done() || batch.nextRecordsUrl() == null) {
				return records;
			}
			if (batches >= MAX_BATCHES || !batch.nextRecordsUrl().startsWith("/services/data/")) {
				throw new IllegalStateException("the CRM answered an unexpected query cursor");
			}
			batch = next.apply(URI.create(settings.baseUrl() + batch.nextRecordsUrl()));
		}
		return records;
	}

	private static String phoneCondition(String phone) {
		String input = phone.strip();
		String digits = input.replaceAll("\\D", "");
		if (digits.isEmpty()) {
			throw new IllegalArgumentException("A phone number needs digits.");
		}
		if (input.startsWith("+")) {
			return "Phone = " + Soql.quote("+" + digits);
		}
		return "Phone IN (" + Soql.quote(digits) + ", " + Soql.quote("+" + digits) + ")";
	}

	/** Per word: {@code (FirstName LIKE 'word%' OR LastName LIKE 'word%')}. */
	private static List<String> nameConditions(String name) {
		String[] words = name.strip().split("\\s+");
		if (words.length > MAX_NAME_WORDS) {
			throw new IllegalArgumentException("A name to search by has at most " + MAX_NAME_WORDS + " words.");
		}
		List<String> conditions = new ArrayList<>(words.length);
		for (String word : words) {
			String prefix = Soql.likePrefix(word);
			conditions.add("(FirstName LIKE " + prefix + " OR LastName LIKE " + prefix + ")");
		}
		return conditions;
	}

	private static void putIfGiven(Map<String, Object> fields, String name, Object value) {
		if (value != null) {
			fields.put(name, value);
		}
	}

	static Customer customer(ContactRecord contact) {
		return new Customer(CustomerId.of(contact.customerNumber()), contact.firstName(), contact.lastName(),
				contact.email(), contact.phone(), address(contact));
	}

	/** A multi-line {@code MailingStreet} gives line 1 and line 2, as Salesforce keeps them in one field. */
	private static Address address(ContactRecord contact) {
		String street = contact.mailingStreet();
		String line1 = street;
		String line2 = null;
		if (street != null && street.contains("\n")) {
			line1 = street.substring(0, street.indexOf('\n')).strip();
			line2 = street.substring(street.indexOf('\n') + 1).strip().replace('\n', ' ');
		}
		if (line1 == null && contact.mailingCity() == null && contact.mailingPostalCode() == null
				&& contact.mailingState() == null && contact.mailingCountry() == null) {
			return null;
		}
		return new Address(line1, line2, contact.mailingCity(), contact.mailingPostalCode(), contact.mailingState(),
				contact.mailingCountry());
	}

	static ServiceCase serviceCase(CaseRecord record, List<CaseComment> comments) {
		String customerNumber = record.contact() == null ? null : record.contact().customerNumber();
		return new ServiceCase(CaseId.of(record.id()), record.caseNumber(), record.externalId(),
				customerNumber == null ? null : CustomerId.of(customerNumber),
				record.orderNumber() == null ? null : OrderId.of(record.orderNumber()), record.subject(),
				record.description(), status(record), priority(record.priority()), record.origin(),
				SalesforceDates.parse(record.createdDate()), SalesforceDates.parse(record.closedDate()), comments);
	}

	private static CaseComment comment(CommentRecord record) {
		return new CaseComment(record.body(), Boolean.TRUE.equals(record.published()),
				SalesforceDates.parse(record.createdDate()));
	}

	/**
	 * Status is an org-defined picklist. The four standard values map one to one; any other value
	 * is judged by {@code IsClosed}, which Salesforce derives from the status's definition.
	 */
	static CaseStatus status(CaseRecord record) {
		String status = record.status() == null ? "" : record.status();
		return switch (status) {
			case "New" -> CaseStatus.NEW;
			case "Working" -> CaseStatus.WORKING;
			case "Escalated" -> CaseStatus.ESCALATED;
			case "Closed" -> CaseStatus.CLOSED;
			default -> Boolean.TRUE.equals(record.closed()) ? CaseStatus.CLOSED : CaseStatus.WORKING;
		};
	}

	private static String status(CaseStatus status) {
		return switch (status) {
			case NEW -> "New";
			case WORKING -> "Working";
			case ESCALATED -> "Escalated";
			case CLOSED -> "Closed";
		};
	}

	/** An org-specific priority the hub does not know is left out rather than guessed. */
	private static CasePriority priority(String priority) {
		if (priority == null) {
			return null;
		}
		return switch (priority) {
			case "Low" -> CasePriority.LOW;
			case "Medium" -> CasePriority.MEDIUM;
			case "High" -> CasePriority.HIGH;
			default -> null;
		};
	}

	private static String priority(CasePriority priority) {
		return switch (priority) {
			case LOW -> "Low";
			case MEDIUM -> "Medium";
			case HIGH -> "High";
		};
	}
}
