package io.retailhub.contracts;

/** Lifecycle of a service case. */
public enum CaseStatus {
	NEW, WORKING, ESCALATED, CLOSED
}
