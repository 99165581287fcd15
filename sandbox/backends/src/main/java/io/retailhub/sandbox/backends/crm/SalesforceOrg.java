package io.retailhub.sandbox.backends.crm;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import io.retailhub.sandbox.backends.data.DemoCustomer;
import io.retailhub.sandbox.backends.data.DemoData;
import io.retailhub.sandbox.backends.data.DemoOrder;
import io.retailhub.sandbox.backends.state.NumberRange;
import io.retailhub.sandbox.backends.state.PersistentState;
import io.retailhub.sandbox.backends.state.SandboxState;

import org.springframework.stereotype.Component;

/**
 * The simulated Salesforce org: Contacts seeded from the demo customers, a few historic Cases,
 * and whatever callers create. Enforces what the REST API enforces on writes (unknown and
 * read-only fields, restricted picklists, lengths, required fields, lookups, unique external
 * IDs) and answers with Salesforce's error codes. Each type's records are kept in a
 * {@link RecordTable}, indexed for reads by Id and for the SOQL equalities integrations use. All
 * methods are synchronized: one lock for the whole org keeps reads, writes, queries and the
 * indexes consistent with each other. Writes run as changes of the {@link SandboxState}, whose
 * snapshot holds every record of the org ({@link PersistentState}).
 */
@Component
class SalesforceOrg implements RecordSource, PersistentState<SalesforceOrg.Saved> {

	/** The "pod" part every sandbox record ID carries, as the seeded contact IDs do. */
	private static final String POD = "5g0000";

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

	private static final String IGNORED_KEY = "attributes";

	/** What an upsert did. */
	record Upserted(String id, boolean created) {
	}

	private final Clock clock;

	private final SalesforceEffects effects;

	private final Map<SObjectType, RecordTable> records = new EnumMap<>(SObjectType.class);

	/** Per external-ID field ("Case.External_Id__c"): lower-cased value to record ID. */
	private final Map<String, Map<String, String>> externalIds = new HashMap<>();

	/** The seeded records' ID sequences; then the ranges'. */
	private final Map<SObjectType, Integer> seededIds = new EnumMap<>(SObjectType.class);

	private int nextSeededCaseNumber = 1000;

	private final SandboxState state;

	/** Record IDs per type, after the seeded ones. */
	private final Map<SObjectType, NumberRange> ids = new EnumMap<>(SObjectType.class);

	private final NumberRange caseNumbers;

	SalesforceOrg(DemoData data, Clock clock, SalesforceEffects effects, SandboxState state) {
		this.clock = clock;
		this.effects = effects;
		this.state = state;
		for (SObjectType type : SObjectType.values()) {
			records.put(type, new RecordTable(type));
			seededIds.put(type, 0);
		}
		seed(data);
		for (SObjectType type : SObjectType.values()) {
			ids.put(type, state.numbers("crm.ids." + type.apiName(), seededIds.get(type) + 1));
		}
		this.caseNumbers = state.numbers("crm.case-numbers", nextSeededCaseNumber);
	}

	/** Every record of each type (by API name), in creation order, as field name to value. */
	record Saved(Map<String, List<Map<String, Object>>> records) {
	}

	@Override
	public String name() {
		return "crm";
	}

	@Override
	public Class<Saved> type() {
		return Saved.class;
	}

	@Override
	public synchronized Saved export() {
		Map<String, List<Map<String, Object>>> saved = new LinkedHashMap<>();
		records.forEach((type, table) -> saved.put(type.apiName(),
				table.all().stream().<Map<String, Object>>map(LinkedHashMap::new).toList()));
		return new Saved(saved);
	}

	/**
	 * Puts the saved records in place of the seeded ones, with their indexes; no record ID or case
	 * number is handed out again.
	 */
	@Override
	public synchronized void restore(Saved saved) {
		saved.records().forEach((apiName, list) -> {
			SObjectType type = SObjectType.named(apiName)
				.orElseThrow(() -> new IllegalStateException("saved state holds records of unknown type " + apiName));
			records.put(type, new RecordTable(type));
			externalIds.keySet()
				.stream()
				.filter(key -> key.startsWith(type.apiName() + "."))
				.forEach(key -> externalIds.put(key, new HashMap<>()));
			for (Map<String, Object> values : list) {
				Map<String, Object> record = Records.restored(type, values);
				indexExternalIds(type, record);
				records.get(type).add(record);
				String id = (String) record.get("Id");
				ids.get(type).skipTo(Records.sequenceOf(id) + 1);
				if (record.get("CaseNumber") instanceof String caseNumber) {
					caseNumbers.skipTo(Long.parseLong(caseNumber) + 1);
				}
			}
		});
	}

	synchronized Map<String, Object> read(SObjectType type, String id, List<String> fields, String version) {
		Map<String, Object> record = find(type, id);
		if (record == null) {
			throw SalesforceException.notFound();
		}
		return Records.render(type, record, selectedFields(type, fields), version);
	}

	synchronized Map<String, Object> readByExternalId(SObjectType type, String fieldName, String value,
			List<String> fields, String version) {
		Field field = externalIdField(type, fieldName);
		Map<String, Object> record = field.type() == FieldType.ID ? find(type, value)
				: find(type, externalIds.get(key(type, field)).get(value.toLowerCase(Locale.ROOT)));
		if (record == null) {
			throw SalesforceException.notFound();
		}
		return Records.render(type, record, selectedFields(type, fields), version);
	}

	String create(SObjectType type, Map<String, Object> body) {
		return state.change(() -> doCreate(type, body));
	}

	private synchronized String doCreate(SObjectType type, Map<String, Object> body) {
		Map<String, Object> values = validated(type, body, null);
		return insert(type, values);
	}

	void update(SObjectType type, String id, Map<String, Object> body) {
		state.change(() -> doUpdate(type, id, body));
	}

	private synchronized void doUpdate(SObjectType type, String id, Map<String, Object> body) {
		Map<String, Object> record = find(type, id);
		if (record == null) {
			throw SalesforceException.notFound();
		}
		apply(type, record, validated(type, body, record));
	}

	/** {@code PATCH /sobjects/Type/Field/value}: update the one record with that value, or create it. */
	Upserted upsert(SObjectType type, String fieldName, String value, Map<String, Object> body) {
		return state.change(() -> doUpsert(type, fieldName, value, body));
	}

	private synchronized Upserted doUpsert(SObjectType type, String fieldName, String value,
			Map<String, Object> body) {
		Field field = externalIdField(type, fieldName);
		if (field.type() == FieldType.ID) {
			Map<String, Object> record = find(type, value);
			if (record == null) {
				throw SalesforceException.notFound();
			}
			apply(type, record, validated(type, body, record));
			return new Upserted((String) record.get("Id"), false);
		}
		Map<String, Object> withoutKey = new LinkedHashMap<>(body);
		withoutKey.keySet().removeIf(k -> k.equalsIgnoreCase(field.name()));
		for (Map.Entry<String, Object> entry : body.entrySet()) {
			if (entry.getKey().equalsIgnoreCase(field.name())
					&& !(entry.getValue() instanceof String given && given.equalsIgnoreCase(value))) {
				throw SalesforceException.badRequest(List.of(ApiError.onFields("INVALID_FIELD",
						"The value of " + field.name() + " in the body does not match the external ID in the URL: "
								+ value,
						List.of(field.name()))));
			}
		}
		String existingId = externalIds.get(key(type, field)).get(value.toLowerCase(Locale.ROOT));
		if (existingId != null) {
			Map<String, Object> record = find(type, existingId);
			apply(type, record, validated(type, withoutKey, record));
			return new Upserted(existingId, false);
		}
		withoutKey.put(field.name(), value);
		Map<String, Object> values = validated(type, withoutKey, null);
		return new Upserted(insert(type, values), true);
	}

	synchronized List<Map<String, Object>> query(SoqlExecution query, String version) {
		return query.run(this, version);
	}

	@Override
	public Collection<Map<String, Object>> all(SObjectType type) {
		return records.get(type).all();
	}

	@Override
	public Map<String, Object> byId(SObjectType type, String id) {
		return find(type, id);
	}

	@Override
	public Optional<List<Map<String, Object>>> candidates(SObjectType type, Field field, Collection<String> values) {
		return records.get(type).candidates(field, values);
	}

	@Override
	public Optional<List<Map<String, Object>>> referencing(SObjectType type, Field lookup,
			Collection<String> parentIds) {
		return records.get(type).referencing(lookup, parentIds);
	}

	private Map<String, Object> find(SObjectType type, String id) {
		return records.get(type).find(id);
	}

	private static Field externalIdField(SObjectType type, String fieldName) {
		return type.field(fieldName)
			.filter(f -> f.externalId() || f.type() == FieldType.ID)
			.orElseThrow(() -> SalesforceException
				.notFound("Provided external ID field does not exist or is not accessible: " + fieldName));
	}

	private static List<Field> selectedFields(SObjectType type, List<String> names) {
		if (names == null || names.isEmpty()) {
			return type.fields();
		}
		List<Field> fields = new ArrayList<>();
		for (String name : names) {
			String trimmed = name.strip();
			fields.add(type.field(trimmed)
				.orElseThrow(() -> SalesforceException.badRequest("INVALID_FIELD", "No such column '" + trimmed
						+ "' on entity '" + type.apiName() + "'. If you are attempting to use a custom field, be sure "
						+ "to append the '__c' after the custom field name. Please reference your WSDL or the describe "
						+ "call for the appropriate names.")));
		}
		return fields;
	}

	/**
	 * Checks a request body the way Salesforce does, one class of fault at a time: unknown fields
	 * and Id, then read-only fields, then JSON types, then values; and returns the typed values
	 * to write. {@code existing} is null on insert.
	 */
	private Map<String, Object> validated(SObjectType type, Map<String, Object> body, Map<String, Object> existing) {
		boolean inserting = existing == null;
		List<ApiError> errors = new ArrayList<>();
		Map<Field, Object> given = new LinkedHashMap<>();
		for (Map.Entry<String, Object> entry : body.entrySet()) {
			String name = entry.getKey();
			if (name.equals(IGNORED_KEY)) {
				continue;
			}
			if (name.equalsIgnoreCase("Id")) {
				errors.add(ApiError.of("INVALID_FIELD", "The Id field should not be specified in the sobject data."));
				continue;
			}
			type.field(name).ifPresentOrElse(f -> given.put(f, entry.getValue()), () -> errors.add(ApiError
				.of("INVALID_FIELD", "No such column '" + name + "' on sobject of type " + type.apiName())));
		}
		throwIfAny(errors);

		List<String> readOnly = given.keySet()
			.stream()
			.filter(f -> inserting ? !f.createable() : !f.updateable())
			.map(Field::name)
			.toList();
		if (!readOnly.isEmpty()) {
			throw SalesforceException.badRequest(List.of(ApiError.onFields("INVALID_FIELD_FOR_INSERT_UPDATE",
					"Unable to create/update fields: " + String.join(", ", readOnly) + ". Please check the security "
							+ "settings of this field and verify that it is read/write for your profile or permission set.",
					readOnly)));
		}

		Map<String, Object> values = new LinkedHashMap<>();
		for (Map.Entry<Field, Object> entry : given.entrySet()) {
			values.put(entry.getKey().name(), jsonValue(entry.getKey(), entry.getValue()));
		}

		for (Map.Entry<Field, Object> entry : given.entrySet()) {
			Field field = entry.getKey();
			Object value = values.get(field.name());
			checkValue(field, value, errors);
		}
		if (inserting) {
			for (Field field : type.fields()) {
				if (!values.containsKey(field.name()) && field.defaultValue() != null) {
					values.put(field.name(), field.defaultValue());
				}
			}
		}
		List<String> missing = new ArrayList<>();
		for (Field field : type.fields()) {
			Object value = values.containsKey(field.name()) ? values.get(field.name())
					: inserting ? null : existing.get(field.name());
			if (field.required() && value == null) {
				missing.add(field.name());
			}
		}
		if (!missing.isEmpty()) {
			errors.add(ApiError.onFields("REQUIRED_FIELD_MISSING",
					"Required fields are missing: [" + String.join(", ", missing) + "]", missing));
		}
		throwIfAny(errors);

		for (Field field : type.fields()) {
			if (field.externalId() && values.get(field.name()) != null) {
				String owner = externalIds.get(key(type, field))
					.get(((String) values.get(field.name())).toLowerCase(Locale.ROOT));
				if (owner != null && (inserting || !owner.equals(existing.get("Id")))) {
					throw SalesforceException.badRequest(List.of(ApiError.onFields("DUPLICATE_VALUE",
							"duplicate value found: " + field.name() + " duplicates value on record with id: " + owner,
							List.of())));
				}
			}
		}
		return values;
	}

	/** The JSON value as the field's Java type; JSON of the wrong shape is a parser error, as in Salesforce. */
	private static Object jsonValue(Field field, Object json) {
		if (json == null) {
			return null;
		}
		if (field.type() == FieldType.BOOLEAN) {
			if (json instanceof Boolean) {
				return json;
			}
			if (json instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
				return Boolean.valueOf(s);
			}
			throw SalesforceException.badRequest("JSON_PARSER_ERROR",
					"Cannot deserialize instance of boolean from " + jsonKind(json) + " value " + json
							+ " or request may be missing a required field");
		}
		if (json instanceof Map || json instanceof List) {
			throw SalesforceException.badRequest("JSON_PARSER_ERROR", "Cannot deserialize instance of "
					+ (field.type().isId() ? "reference" : "string") + " from " + jsonKind(json)
					+ " value or request may be missing a required field");
		}
		String text = String.valueOf(json);
		// Salesforce stores an empty string as null
		return text.isEmpty() ? null : text;
	}

	private static String jsonKind(Object json) {
		if (json instanceof Map) {
			return "START_OBJECT";
		}
		if (json instanceof List) {
			return "START_ARRAY";
		}
		if (json instanceof Number) {
			return "VALUE_NUMBER_INT";
		}
		return "VALUE_STRING";
	}

	private void checkValue(Field field, Object value, List<ApiError> errors) {
		List<String> fields = List.of(field.name());
		if (field.type() == FieldType.PICKLIST) {
			boolean nullable = field.defaultValue() == null;
			if (value == null ? !nullable : !field.picklistValues().contains(value)) {
				errors.add(ApiError.onFields("INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST",
						field.name() + ": bad value for restricted picklist field: " + value, fields));
			}
			return;
		}
		if (value == null) {
			return;
		}
		if (field.length() > 0 && value instanceof String text && text.length() > field.length()) {
			String shown = text.length() > 40 ? text.substring(0, 40) + "..." : text;
			errors.add(ApiError.onFields("STRING_TOO_LONG",
					field.name() + ": data value too large: " + shown + " (max length=" + field.length() + ")", fields));
			return;
		}
		if (field.type() == FieldType.EMAIL && !EMAIL.matcher((String) value).matches()) {
			errors.add(ApiError.onFields("INVALID_EMAIL_ADDRESS", field.name() + ": invalid email address: " + value,
					fields));
			return;
		}
		if (field.type() == FieldType.REFERENCE) {
			SObjectType target = SObjectType.named(field.referenceTo()).orElseThrow();
			String id = (String) value;
			String label = field.relationshipName() + " ID";
			if (!Records.isWellFormedId(id) || !id.startsWith(target.keyPrefix())) {
				errors.add(ApiError.onFields("MALFORMED_ID", label + ": id value of incorrect type: " + id, fields));
			}
			else if (find(target, id) == null) {
				errors.add(ApiError.onFields("INVALID_CROSS_REFERENCE_KEY", "invalid cross reference id", fields));
			}
		}
	}

	private static void throwIfAny(List<ApiError> errors) {
		if (!errors.isEmpty()) {
			throw SalesforceException.badRequest(errors);
		}
	}

	private String insert(SObjectType type, Map<String, Object> values) {
		String id;
		do {
			id = Records.id(type, POD, ids.get(type).next());
		}
		while (records.get(type).contains(id));
		Map<String, Object> record = new LinkedHashMap<>();
		for (Field field : type.fields()) {
			record.put(field.name(), null);
		}
		record.put("Id", id);
		Instant now = now();
		record.put("CreatedDate", now);
		if (type == SObjectType.CASE) {
			record.put("CaseNumber", String.format("%08d", caseNumbers.next()));
		}
		store(type, record, values, now);
		records.get(type).add(record);
		effects.record(effectPrefix(type) + ".created");
		return id;
	}

	private void apply(SObjectType type, Map<String, Object> record, Map<String, Object> values) {
		store(type, record, values, now());
		effects.record(effectPrefix(type) + ".updated");
	}

	/** Writes values and what follows from them: derived fields, audit dates, the indexes. */
	private void store(SObjectType type, Map<String, Object> record, Map<String, Object> values, Instant now) {
		indexExternalIds(type, record, values);
		records.get(type).write(record, values);
		record.put("LastModifiedDate", now);
		switch (type) {
			case CONTACT -> {
				Object first = record.get("FirstName");
				record.put("Name", (first == null ? "" : first + " ") + record.get("LastName"));
			}
			case CASE -> {
				boolean closed = "Closed".equals(record.get("Status"));
				if (closed && record.get("ClosedDate") == null) {
					record.put("ClosedDate", now);
				}
				else if (!closed) {
					record.put("ClosedDate", null);
				}
				record.put("IsClosed", closed);
			}
			case CASE_COMMENT -> {
			}
		}
	}

	/** Moves the record in the external-ID indexes of the fields {@code values} writes. */
	private void indexExternalIds(SObjectType type, Map<String, Object> record, Map<String, Object> values) {
		for (Field field : type.fields()) {
			if (field.externalId() && values.containsKey(field.name())) {
				Map<String, String> index = externalIds.get(key(type, field));
				Object old = record.get(field.name());
				if (old != null) {
					index.remove(((String) old).toLowerCase(Locale.ROOT));
				}
				Object fresh = values.get(field.name());
				if (fresh != null) {
					index.put(((String) fresh).toLowerCase(Locale.ROOT), (String) record.get("Id"));
				}
			}
		}
	}

	/** Indexes a restored record by its external IDs. */
	private void indexExternalIds(SObjectType type, Map<String, Object> record) {
		for (Field field : type.fields()) {
			if (field.externalId() && record.get(field.name()) instanceof String value) {
				externalIds.get(key(type, field)).put(value.toLowerCase(Locale.ROOT), (String) record.get("Id"));
			}
		}
	}

	/** The next ID of a seeded record: the same in every run on the same world. */
	private String seededId(SObjectType type) {
		return Records.id(type, POD, seededIds.merge(type, 1, Integer::sum));
	}

	private Instant now() {
		return clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

	private static String key(SObjectType type, Field field) {
		return type.apiName() + "." + field.name();
	}

	private static String effectPrefix(SObjectType type) {
		return switch (type) {
			case CONTACT -> "contacts";
			case CASE -> "cases";
			case CASE_COMMENT -> "caseComments";
		};
	}

	private void seed(DemoData data) {
		for (SObjectType type : SObjectType.values()) {
			for (Field field : type.fields()) {
				if (field.externalId()) {
					externalIds.put(key(type, field), new HashMap<>());
				}
			}
		}
		Instant contactsSince = data.anchor().minus(Duration.ofDays(400));
		Map<String, String> contactIds = new HashMap<>();
		for (DemoCustomer customer : data.customers()) {
			Map<String, Object> values = new LinkedHashMap<>();
			values.put("FirstName", customer.firstName());
			values.put("LastName", customer.lastName());
			values.put("Email", customer.email());
			values.put("Phone", customer.phone());
			values.put("MailingStreet", customer.street());
			values.put("MailingCity", customer.city());
			values.put("MailingPostalCode", customer.postalCode());
			values.put("MailingState", customer.region());
			values.put("MailingCountry", customer.country());
			values.put("Customer_Number__c", customer.number());
			seedRecord(SObjectType.CONTACT, customer.contactId(), values, contactsSince, contactsSince);
			contactIds.put(customer.number(), customer.contactId());
		}
		seededIds.put(SObjectType.CONTACT, data.customers().size());
		seedHistoricCases(data, contactIds);
	}

	/**
	 * A few cases agents have worked before the hub: one per showcase situation, and a closed
	 * "where is my order" case on every 150th order delivered long enough ago.
	 */
	private void seedHistoricCases(DemoData data, Map<String, String> contactIds) {
		int n = 1;
		n = seedCase(data, contactIds, n, DemoData.Showcase.SPLIT_SHIPMENT_ORDER, "Where is the rest of my order?",
				"Only part of the order has arrived.", "Working", "Medium", "Email", Duration.ofDays(2), null,
				"The second parcel is in transit with the carrier; tracking sent to the customer.");
		n = seedCase(data, contactIds, n, DemoData.Showcase.PARTLY_RETURNED_ORDER, "Refund for returned item",
				"Customer returned one unit in store and asks about the refund.", "Closed", "Medium", "Store",
				Duration.ofDays(9), Duration.ofDays(8), "Refund issued to the original card.");
		n = seedCase(data, contactIds, n, DemoData.Showcase.FINAL_SALE_ORDER, "Can I return a clearance item?",
				null, "New", "Low", "Web", Duration.ofDays(1), null, null);
		List<DemoOrder> orders = data.orders();
		for (int i = 149; i < orders.size(); i += 150) {
			DemoOrder order = orders.get(i);
			Duration age = Duration.between(order.placedAt(), data.anchor());
			if (age.toDays() >= 10) {
				n = seedCase(data, contactIds, n, order.orderNumber(), "Where is my order?",
						"Customer asked for a delivery date.", "Closed", "Medium", "Phone", age.minusDays(2),
						age.minusDays(3), "Delivery date confirmed with the customer.");
			}
		}
	}

	private int seedCase(DemoData data, Map<String, String> contactIds, int n, String orderNumber, String subject,
			String description, String status, String priority, String origin, Duration openedAgo,
			Duration closedAgo, String comment) {
		DemoOrder order = data.order(orderNumber);
		if (order == null) {
			return n;
		}
		Instant opened = data.anchor().minus(openedAgo);
		Instant lastModified = closedAgo == null ? opened : data.anchor().minus(closedAgo);
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("CaseNumber", String.format("%08d", nextSeededCaseNumber++));
		values.put("Status", status);
		values.put("Priority", priority);
		values.put("Origin", origin);
		values.put("Subject", subject);
		values.put("Description", description);
		values.put("ContactId", contactIds.get(order.customerNumber()));
		values.put("External_Id__c", "LEGACY-CASE-" + n);
		values.put("Order_Number__c", orderNumber);
		values.put("ClosedDate", closedAgo == null ? null : lastModified);
		String caseId = seededId(SObjectType.CASE);
		seedRecord(SObjectType.CASE, caseId, values, opened, lastModified);
		if (comment != null) {
			Map<String, Object> commentValues = new LinkedHashMap<>();
			commentValues.put("ParentId", caseId);
			commentValues.put("CommentBody", comment);
			commentValues.put("IsPublished", true);
			seedRecord(SObjectType.CASE_COMMENT, seededId(SObjectType.CASE_COMMENT), commentValues, lastModified,
					lastModified);
		}
		return n + 1;
	}

	private void seedRecord(SObjectType type, String id, Map<String, Object> values, Instant created,
			Instant lastModified) {
		Map<String, Object> record = new LinkedHashMap<>();
		for (Field field : type.fields()) {
			record.put(field.name(), field.defaultValue());
		}
		record.put("Id", id);
		record.put("CreatedDate", created);
		store(type, record, values, lastModified);
		records.get(type).add(record);
	}
}
