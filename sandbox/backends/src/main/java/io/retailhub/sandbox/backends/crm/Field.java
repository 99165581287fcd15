package io.retailhub.sandbox.backends.crm;

import java.util.List;

/**
 * One field of an sObject and the rules the REST API enforces on it.
 * @param name the API name, as Salesforce spells it
 * @param length maximum length for text types, 0 when not applicable
 * @param createable may be given on insert
 * @param updateable may be given on update
 * @param required must have a value after insert or update
 * @param picklistValues the allowed values of a restricted picklist (case-sensitive)
 * @param defaultValue what an insert stores when the field is not given
 * @param externalId usable in {@code /sobjects/Type/Field/value}; also unique (case-insensitive)
 * @param referenceTo for lookups: the sObject referred to
 * @param relationshipName for lookups: the name SOQL uses to reach the parent ({@code Contact.Email})
 * @param filterable may appear in SOQL WHERE and ORDER BY (long text areas may not)
 */
record Field(String name, FieldType type, int length, boolean createable, boolean updateable, boolean required,
		List<String> picklistValues, Object defaultValue, boolean externalId, String referenceTo,
		String relationshipName, boolean filterable) {

	Field {
		picklistValues = List.copyOf(picklistValues);
	}

	static Field id() {
		return new Field("Id", FieldType.ID, 18, false, false, false, List.of(), null, false, null, null, true);
	}

	static Field text(String name, int length) {
		return new Field(name, FieldType.STRING, length, true, true, false, List.of(), null, false, null, null, true);
	}

	/** A long text area: not filterable or sortable in SOQL. */
	static Field longText(String name, int length) {
		return new Field(name, FieldType.TEXTAREA, length, true, true, false, List.of(), null, false, null, null,
				false);
	}

	static Field email(String name) {
		return new Field(name, FieldType.EMAIL, 80, true, true, false, List.of(), null, false, null, null, true);
	}

	static Field phone(String name) {
		return new Field(name, FieldType.PHONE, 40, true, true, false, List.of(), null, false, null, null, true);
	}

	static Field picklist(String name, String defaultValue, String... values) {
		return new Field(name, FieldType.PICKLIST, 40, true, true, false, List.of(values), defaultValue, false, null,
				null, true);
	}

	static Field checkbox(String name, boolean defaultValue) {
		return new Field(name, FieldType.BOOLEAN, 0, true, true, false, List.of(), defaultValue, false, null, null,
				true);
	}

	static Field lookup(String name, String referenceTo, String relationshipName) {
		return new Field(name, FieldType.REFERENCE, 18, true, true, false, List.of(), null, false, referenceTo,
				relationshipName, true);
	}

	static Field datetime(String name) {
		return new Field(name, FieldType.DATETIME, 0, false, false, false, List.of(), null, false, null, null, true);
	}

	/** Computed by the org (autonumbers, formulas, audit fields): never written by callers. */
	Field readOnly() {
		return new Field(name, type, length, false, false, required, picklistValues, defaultValue, externalId,
				referenceTo, relationshipName, filterable);
	}

	/** Set on insert only (a comment's parent case). */
	Field createOnly() {
		return new Field(name, type, length, true, false, required, picklistValues, defaultValue, externalId,
				referenceTo, relationshipName, filterable);
	}

	/** Must have a value after every insert and update. */
	Field mandatory() {
		return new Field(name, type, length, createable, updateable, true, picklistValues, defaultValue, externalId,
				referenceTo, relationshipName, filterable);
	}

	Field externalIdentifier() {
		return new Field(name, type, length, createable, updateable, required, picklistValues, defaultValue, true,
				referenceTo, relationshipName, filterable);
	}
}
