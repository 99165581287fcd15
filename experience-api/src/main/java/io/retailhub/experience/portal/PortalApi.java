package io.retailhub.experience.portal;

/** The self-service portal's API. */
final class PortalApi {

	static final String PATH = "/api/portal/v1";

	private PortalApi() {
	}
}
