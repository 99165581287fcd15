package io.retailhub.contracts;

public enum CasePriority {
	LOW, MEDIUM, HIGH
}
