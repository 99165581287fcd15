package io.retailhub.system.backend;

import java.util.List;

/**
 * Names of the backends. Each is also the name of its resilience4j instances in system-api.yml
 * ({@code resilience4j.circuitbreaker.instances.erp}, ...), its health component and its
 * configuration prefix ({@code retailhub.backends.erp}).
 */
public final class Backends {

	public static final String ERP = "erp";

	public static final String CRM = "crm";

	public static final String PAYMENT = "payment";

	public static final String WAREHOUSE = "warehouse";

	public static final String COMMERCE = "commerce";

	public static final List<String> ALL = List.of(ERP, CRM, PAYMENT, WAREHOUSE, COMMERCE);

	private Backends() {
	}
}
