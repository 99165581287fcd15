package io.retailhub.experience.store;

/** The store tools' API. */
final class StoreApi {

	static final String PATH = "/api/store/v1";

	private StoreApi() {
	}
}
