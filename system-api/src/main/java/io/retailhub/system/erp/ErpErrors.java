package io.retailhub.system.erp;

import java.io.IOException;
import java.net.URI;

import io.retailhub.system.backend.BackendRejectedException;
import io.retailhub.system.backend.BackendUnavailableException;
import io.retailhub.system.backend.Backends;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.web.client.DefaultResponseErrorHandler;

/**
 * Reads SAP Gateway's error dialect (DIALECTS.md 1.11):
 * <ul>
 * <li>403 with {@code x-csrf-token: Required}: the CSRF token or its session expired;
 * {@link CsrfTokenRequired}, which the adapter answers by fetching a new token once;</li>
 * <li>401 or another 403: the communication user is refused. Nothing the caller did; ERP is
 * unusable for the hub until someone fixes the credentials or the communication arrangement, so
 * it counts as unavailable (and opens the breaker, which shows in the health endpoint);</li>
 * <li>404: {@link ErpNotFound}, which the adapter turns into an empty answer;</li>
 * <li>any other 4xx but 429: a business refusal, {@link BackendRejectedException} with SAP's
 * {@code <message class>/<number>} code and message text.</li>
 * </ul>
 * 5xx and 429 stay Spring's exceptions, which {@code BackendCalls} turns into "unavailable".
 */
class ErpErrors extends DefaultResponseErrorHandler {

	private static final Logger log = LoggerFactory.getLogger(ErpErrors.class);

	static final String CSRF_HEADER = "x-csrf-token";

	/** The CSRF token (or the session it belongs to) was refused: fetch a new one and try once more. */
	static final class CsrfTokenRequired extends RuntimeException {

		CsrfTokenRequired() {
			super("ERP requires a fresh CSRF token");
		}
	}

	/** ERP does not know the addressed entity. */
	static final class ErpNotFound extends RuntimeException {

		ErpNotFound(String message) {
			super(message);
		}
	}

	@Override
	protected void handleError(ClientHttpResponse response, HttpStatusCode status, URI url, HttpMethod method)
			throws IOException {
		if (!status.is4xxClientError() || status.isSameCodeAs(HttpStatus.TOO_MANY_REQUESTS)) {
			super.handleError(response, status, url, method);
			return;
		}
		if (status.isSameCodeAs(HttpStatus.FORBIDDEN)
				&& "Required".equalsIgnoreCase(response.getHeaders().getFirst(CSRF_HEADER))) {
			throw new CsrfTokenRequired();
		}
		if (status.isSameCodeAs(HttpStatus.UNAUTHORIZED) || status.isSameCodeAs(HttpStatus.FORBIDDEN)) {
			throw new BackendUnavailableException(Backends.ERP, "ERP refused the communication user (status "
					+ status.value() + "); check retailhub.backends.erp.username/password and the communication arrangement");
		}
		OData.Error error = error(response);
		String code = error != null ? error.code() : null;
		String message = error != null && error.message() != null ? error.message().value() : null;
		if (status.isSameCodeAs(HttpStatus.NOT_FOUND)) {
			throw new ErpNotFound(message != null ? message : "not found: " + url.getPath());
		}
		log.info("ERP refused {} {} with {} {}: {}", method, url.getPath(), status.value(), code, message);
		throw new BackendRejectedException(Backends.ERP, status.value(), code,
				message != null ? message : "ERP refused the request with status " + status.value());
	}

	private OData.Error error(ClientHttpResponse response) {
		try {
			OData.ErrorBody body = JsonMapper.shared().readValue(getResponseBody(response), OData.ErrorBody.class);
			return body != null ? body.error() : null;
		}
		catch (JacksonException ex) {
			return null;
		}
	}
}
