package io.retailhub.system.backend;

import java.io.IOException;
import java.net.URI;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.web.client.DefaultResponseErrorHandler;

/**
 * What every backend's error handler does before it reads the backend's own dialect. 5xx and 429
 * stay Spring's exceptions, which {@link BackendCalls} turns into "unavailable". A 401 or 403 means
 * the hub's credentials are wrong, revoked or lack a scope: a configuration fault no retry heals,
 * so it is a {@link BackendRejectedException} (status 401, code {@code unauthorized}) that never
 * counts against the backend's health. Every other 4xx is the backend refusing the request and
 * goes to {@link #refusal}.
 */
public abstract class BackendErrorHandler extends DefaultResponseErrorHandler {

	private final String backend;

	private final String credentialsRefused;

	/**
	 * @param backend one of {@link Backends}
	 * @param credentialsRefused the message of the 401 rejection, naming the setting to check
	 */
	protected BackendErrorHandler(String backend, String credentialsRefused) {
		this.backend = backend;
		this.credentialsRefused = credentialsRefused;
	}

	@Override
	protected final void handleError(ClientHttpResponse response, HttpStatusCode status, URI url, HttpMethod method)
			throws IOException {
		if (!status.is4xxClientError() || status.isSameCodeAs(HttpStatus.TOO_MANY_REQUESTS)) {
			super.handleError(response, status, url, method);
			return;
		}
		if (status.isSameCodeAs(HttpStatus.UNAUTHORIZED) || status.isSameCodeAs(HttpStatus.FORBIDDEN)) {
			throw new BackendRejectedException(backend, HttpStatus.UNAUTHORIZED.value(), "unauthorized",
					credentialsRefused);
		}
		throw refusal(response, status, url, method);
	}

	/** The exception for a 4xx other than 401, 403 and 429, read from the backend's error body. */
	protected abstract RuntimeException refusal(ClientHttpResponse response, HttpStatusCode status, URI url,
			HttpMethod method) throws IOException;

	/** The response body as JSON; a missing node when it is not JSON. */
	protected final JsonNode errorBody(ClientHttpResponse response) {
		try {
			return JsonMapper.shared().readTree(getResponseBody(response));
		}
		catch (JacksonException ex) {
			return JsonMapper.shared().missingNode();
		}
	}
}
