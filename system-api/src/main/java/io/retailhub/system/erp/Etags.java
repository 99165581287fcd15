package io.retailhub.system.erp;

import io.retailhub.system.backend.BackendUnavailableException;
import io.retailhub.system.backend.Backends;

/**
 * The ETag to send in {@code If-Match} when changing a document's items or their pricing
 * elements. SAP declares a concurrency token ({@code LastChangeDateTime}) on the header only: the
 * items declare none, so a Gateway need not answer an item's MERGE with an ETag, and every change
 * of an item moves the header's. Each change therefore takes the header's ETag as it is then, read
 * fresh, never one carried over from the answer to the change before.
 */
final class Etags {

	private static final String LAST_CHANGE = "LastChangeDateTime";

	private Etags() {
	}

	/** The document's current ETag, from a key read of its header. */
	static String current(ErpClient client, String service, String entitySet, String keyProperty, String key) {
		return required(client.etag(service, entitySet, SapFormats.key(key), keyProperty + "," + LAST_CHANGE)
			.getHeaders()
			.getETag(), entitySet + " " + key);
	}

	/** An ETag ERP sent; {@link BackendUnavailableException} when it sent none, since no change can be made without. */
	static String required(String etag, String document) {
		if (etag == null || etag.isBlank()) {
			throw new BackendUnavailableException(Backends.ERP, "ERP sent " + document + " without an ETag");
		}
		return etag;
	}
}
