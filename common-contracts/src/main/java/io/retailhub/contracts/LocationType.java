package io.retailhub.contracts;

/** What kind of place a {@link Location} is; only stores take in-store returns. */
public enum LocationType {
	DISTRIBUTION_CENTER, STORE
}
