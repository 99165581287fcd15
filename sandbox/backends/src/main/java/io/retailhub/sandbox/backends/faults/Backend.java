package io.retailhub.sandbox.backends.faults;

import java.util.Arrays;
import java.util.Optional;

/** The simulated backends and the path prefix each one is served under. */
public enum Backend {

	ERP("/erp"), CRM("/crm"), PAYMENT("/payment"), WAREHOUSE("/warehouse"), COMMERCE("/commerce"),
	CARRIER("/carrier");

	private final String pathPrefix;

	Backend(String pathPrefix) {
		this.pathPrefix = pathPrefix;
	}

	public String pathPrefix() {
		return pathPrefix;
	}

	public String id() {
		return name().toLowerCase();
	}

	static Optional<Backend> byId(String id) {
		return Arrays.stream(values()).filter(b -> b.id().equals(id)).findFirst();
	}

	static Optional<Backend> forPath(String path) {
		return Arrays.stream(values())
			.filter(b -> path.equals(b.pathPrefix) || path.startsWith(b.pathPrefix + "/"))
			.findFirst();
	}
}
