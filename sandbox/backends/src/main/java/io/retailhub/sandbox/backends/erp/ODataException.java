package io.retailhub.sandbox.backends.erp;

/**
 * An error the simulated ERP answers with an OData error body (DIALECTS.md 1.11). {@code code} is
 * SAP's {@code <message class>/<number>}; the Gateway framework codes ({@code /IWBEP/...},
 * {@code /IWFND/...}) are the real ones, the business message numbers are illustrative. A
 * {@code target} names the property at fault, as in {@code errordetails[].target}.
 */
class ODataException extends RuntimeException {

	private final int status;

	private final String code;

	private final String target;

	ODataException(int status, String code, String message, String target) {
		super(message);
		this.status = status;
		this.code = code;
		this.target = target == null ? "" : target;
	}

	int status() {
		return status;
	}

	String code() {
		return code;
	}

	String target() {
		return target;
	}

	/** A business rule refused the request (400). */
	static ODataException invalid(String code, String message, String target) {
		return new ODataException(400, code, message, target);
	}

	/** A malformed query option ({@code $filter}, {@code $top}, ...). */
	static ODataException badQuery(String message) {
		return new ODataException(400, "/IWBEP/CM_MGW_RT/022", message, null);
	}

	/** A malformed or unexpected request body. */
	static ODataException badPayload(String message, String target) {
		return new ODataException(400, "/IWBEP/CM_MGW_RT/005", message, target);
	}

	/** An SD document key that does not exist. */
	static ODataException documentNotFound(String document) {
		return new ODataException(404, "V1/302", "SD document " + document + " is not in the database or has been archived",
				null);
	}

	static ODataException resourceNotFound(String segment) {
		return new ODataException(404, "/IWBEP/CM_MGW_RT/020", "Resource not found for segment '" + segment + "'", null);
	}

	static ODataException serviceNotFound(String service) {
		return new ODataException(404, "/IWFND/MED/170",
				"No service found for namespace '/SAP/', name '" + service + "', version '0001'", null);
	}

	/** A change without {@code If-Match} where the entity has an ETag (SAP KBA 3514624). */
	static ODataException preconditionRequired() {
		return new ODataException(428, "/IWBEP/CM_V4_APPS/017", "The request has to be conditional (ETag required)",
				null);
	}

	/** A change whose {@code If-Match} is not the entity's current ETag: someone changed it since it was read. */
	static ODataException preconditionFailed() {
		return new ODataException(412, "/IWBEP/CM_V4_APPS/018", "A precondition (ETag) of the request does not match",
				null);
	}

	/** A change to a property the metadata declares read-only ({@code sap:updatable="false"}). */
	static ODataException readOnly(String property) {
		return new ODataException(400, "/IWBEP/CM_MGW_RT/005", "Property '" + property + "' is read-only and cannot be changed",
				property);
	}

	/**
	 * A create that sets a property (or inline navigation) the metadata declares not creatable
	 * ({@code sap:creatable="false"}). The code is Gateway's for a payload it cannot take; the
	 * text is the sandbox's.
	 */
	static ODataException notCreatable(String property) {
		return new ODataException(400, "/IWBEP/CM_MGW_RT/005",
				"Property '" + property + "' is read-only and cannot be set when creating", property);
	}

	/** What Gateway answers for an operation the data provider does not implement. */
	static ODataException notImplemented(String method, String entitySet) {
		return new ODataException(501, "/IWBEP/CM_MGW_RT/021",
				"Method '" + entitySet.toUpperCase() + "_" + method + "' not implemented in data provider class", null);
	}
}
