package io.retailhub.system.crm;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;

import io.retailhub.system.backend.BackendRejectedException;
import io.retailhub.system.backend.BackendUnavailableException;
import io.retailhub.system.backend.Backends;
import io.retailhub.system.backend.ResourceNotFoundException;
import io.retailhub.system.crm.SalesforcePayloads.ApiError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.web.client.DefaultResponseErrorHandler;

/**
 * Reads Salesforce's error dialect, a JSON array of {@code {message, errorCode, fields}}:
 * <ul>
 * <li>404 {@code NOT_FOUND}: a {@link RecordNotFound}, which find methods turn into "empty";</li>
 * <li>403 {@code REQUEST_LIMIT_EXCEEDED} (the org's API allocation is used up: Salesforce's
 * answer where others send 429): transient, a {@link BackendUnavailableException};</li>
 * <li>401 (only after the session was renewed once, see {@link SalesforceSession}) and every other
 * 4xx: the org refused the request, a {@link BackendRejectedException} with Salesforce's first
 * error code.</li>
 * </ul>
 * 5xx and 429 stay Spring's exceptions, which {@code BackendCalls} turns into "unavailable".
 * Salesforce's own messages are logged, not passed on: callers see the code and the fields.
 */
class SalesforceErrors extends DefaultResponseErrorHandler {

	private static final Logger log = LoggerFactory.getLogger(SalesforceErrors.class);

	private static final TypeReference<List<ApiError>> ERRORS = new TypeReference<>() {
	};

	/** The org does not have the record asked for. */
	static final class RecordNotFound extends ResourceNotFoundException {

		RecordNotFound(String path) {
			super("crm record", path);
		}
	}

	@Override
	protected void handleError(ClientHttpResponse response, HttpStatusCode status, URI url, HttpMethod method)
			throws IOException {
		if (!status.is4xxClientError() || status.isSameCodeAs(HttpStatus.TOO_MANY_REQUESTS)) {
			super.handleError(response, status, url, method);
			return;
		}
		ApiError error = firstError(response);
		String code = error == null ? null : error.errorCode();
		if (status.isSameCodeAs(HttpStatus.NOT_FOUND)) {
			throw new RecordNotFound(url.getPath());
		}
		if (status.isSameCodeAs(HttpStatus.FORBIDDEN) && "REQUEST_LIMIT_EXCEEDED".equals(code)) {
			throw new BackendUnavailableException(Backends.CRM, "the org's API request limit is used up",
					Duration.ofMinutes(1), null);
		}
		log.warn("CRM refused {} {} with {} {}: {}", method, url.getPath(), status.value(), code,
				error == null ? "" : error.message());
		List<String> fields = error == null || error.fields() == null ? List.of() : error.fields();
		throw new BackendRejectedException(Backends.CRM, status.value(), code,
				"The CRM refused the request (status " + status.value() + (code != null ? ", code " + code : "")
						+ (fields.isEmpty() ? "" : ", fields " + String.join(", ", fields)) + ")");
	}

	private ApiError firstError(ClientHttpResponse response) {
		try {
			List<ApiError> errors = JsonMapper.shared().readValue(getResponseBody(response), ERRORS);
			return errors == null || errors.isEmpty() ? null : errors.get(0);
		}
		catch (JacksonException ex) {
			return null;
		}
	}
}
