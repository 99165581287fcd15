package io.retailhub.contracts;

/** ERP's view of a customer return document. */
public enum ReturnAuthorizationStatus {
	OPEN, IN_PROCESS, COMPLETED, REJECTED
}
