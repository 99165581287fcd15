package io.retailhub.sandbox.backends.crm;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The sObjects of the sandbox org: the standard Contact, Case and CaseComment with the custom
 * fields a retailer adds ({@code Customer_Number__c}, {@code External_Id__c},
 * {@code Order_Number__c}). Object and field names are case-insensitive on the way in, as in
 * Salesforce, and always answered in their canonical spelling.
 */
enum SObjectType {

	CONTACT("Contact", "003", List.of(Field.id(), Field.text("FirstName", 40), Field.text("LastName", 80).mandatory(),
			Field.text("Name", 121).readOnly(), Field.email("Email"), Field.phone("Phone"),
			Field.text("MailingStreet", 255), Field.text("MailingCity", 40), Field.text("MailingPostalCode", 20),
			Field.text("MailingState", 80), Field.text("MailingCountry", 80),
			Field.text("Customer_Number__c", 20).externalIdentifier(), Field.datetime("CreatedDate"),
			Field.datetime("LastModifiedDate")), "Email", "Phone"),

	CASE("Case", "500", List.of(Field.id(), Field.text("CaseNumber", 30).readOnly(),
			Field.picklist("Status", "New", "New", "Working", "Escalated", "Closed"),
			Field.picklist("Priority", "Medium", "Low", "Medium", "High"),
			Field.picklist("Origin", null, "Web", "Phone", "Email", "Store"), Field.text("Subject", 255).mandatory(),
			Field.longText("Description", 32_000), Field.lookup("ContactId", "Contact", "Contact"),
			Field.text("External_Id__c", 255).externalIdentifier(), Field.text("Order_Number__c", 40),
			Field.checkbox("IsClosed", false).readOnly(), Field.datetime("ClosedDate"), Field.datetime("CreatedDate"),
			Field.datetime("LastModifiedDate")), "Order_Number__c"),

	CASE_COMMENT("CaseComment", "00a", List.of(Field.id(),
			Field.lookup("ParentId", "Case", "Parent").createOnly().mandatory(),
			Field.longText("CommentBody", 4000).mandatory(), Field.checkbox("IsPublished", false),
			Field.datetime("CreatedDate"), Field.datetime("LastModifiedDate")));

	private final String apiName;

	private final String keyPrefix;

	private final List<Field> fields;

	private final Map<String, Field> fieldsByLowerCaseName;

	private final List<Field> indexedFields;

	/**
	 * @param customIndexes fields indexed beyond Salesforce's standard indexes (Id, lookups,
	 * external IDs): the ones a retailer's org would have asked Salesforce to index because its
	 * integrations select by them
	 */
	SObjectType(String apiName, String keyPrefix, List<Field> fields, String... customIndexes) {
		this.apiName = apiName;
		this.keyPrefix = keyPrefix;
		this.fields = fields;
		Map<String, Field> index = new LinkedHashMap<>();
		fields.forEach(f -> index.put(f.name().toLowerCase(Locale.ROOT), f));
		this.fieldsByLowerCaseName = Collections.unmodifiableMap(index);
		List<String> custom = List.of(customIndexes);
		if (!fields.stream().map(Field::name).toList().containsAll(custom)) {
			throw new IllegalArgumentException("Custom index on an unknown field of " + apiName + ": " + custom);
		}
		this.indexedFields = fields.stream()
			.filter(f -> f.type().isId() || f.externalId() || custom.contains(f.name()))
			.toList();
	}

	static Optional<SObjectType> named(String name) {
		return Arrays.stream(values()).filter(t -> t.apiName.equalsIgnoreCase(name)).findFirst();
	}

	String apiName() {
		return apiName;
	}

	/** The first three characters of every record ID of this type. */
	String keyPrefix() {
		return keyPrefix;
	}

	List<Field> fields() {
		return fields;
	}

	Optional<Field> field(String name) {
		return Optional.ofNullable(fieldsByLowerCaseName.get(name.toLowerCase(Locale.ROOT)));
	}

	/** The fields the org keeps an index on, for SOQL equalities and reads by Id. */
	List<Field> indexedFields() {
		return indexedFields;
	}

	/** The lookup field whose relationship name is {@code relationship} ({@code Contact} on Case). */
	Optional<Field> relationship(String relationship) {
		return fields.stream()
			.filter(f -> f.relationshipName() != null && f.relationshipName().equalsIgnoreCase(relationship))
			.findFirst();
	}
}
