package io.retailhub.sandbox.backends.crm;

/** The Salesforce field types the sandbox org uses, as {@code describe} would name them. */
enum FieldType {

	ID, REFERENCE, STRING, TEXTAREA, PICKLIST, EMAIL, PHONE, BOOLEAN, DATETIME;

	/** Text-like types: compared case-insensitively in SOQL, as Salesforce does. */
	boolean isText() {
		return this == STRING || this == TEXTAREA || this == PICKLIST || this == EMAIL || this == PHONE;
	}

	boolean isId() {
		return this == ID || this == REFERENCE;
	}
}
