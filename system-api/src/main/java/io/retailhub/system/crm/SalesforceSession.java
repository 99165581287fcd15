package io.retailhub.system.crm;

import java.io.IOException;

import io.retailhub.system.backend.BackendRejectedException;
import io.retailhub.system.backend.Backends;
import io.retailhub.system.crm.SalesforcePayloads.Token;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

/**
 * The hub's session with the org: an OAuth 2.0 client-credentials access token, fetched from
 * {@code <baseUrl>/services/oauth2/token} on first use and kept until Salesforce says it is no
 * longer good. Salesforce tokens carry no expiry; a call with an expired or revoked one answers
 * 401 {@code INVALID_SESSION_ID}. This interceptor then fetches one new token and sends the call
 * once more; a second 401 reaches the error handler. Concurrent callers that meet the same
 * expired token share one refresh.
 */
class SalesforceSession implements ClientHttpRequestInterceptor {

	private static final Logger log = LoggerFactory.getLogger(SalesforceSession.class);

	private final RestClient tokenEndpoint;

	private final CrmSettings settings;

	private volatile String token;

	SalesforceSession(RestClient.Builder builder, CrmSettings settings) {
		this.settings = settings;
		this.tokenEndpoint = builder.defaultStatusHandler(HttpStatusCode::is4xxClientError, (request, response) -> {
			// invalid_client and friends: wrong configuration, which no retry heals
			log.error("the CRM refused the hub's client credentials with {}", response.getStatusCode().value());
			throw new BackendRejectedException(Backends.CRM, HttpStatus.UNAUTHORIZED.value(), "invalid_client",
					"The CRM refused the hub's client credentials (retailhub.backends.crm.client-id and client-secret)");
		}).build();
	}

	@Override
	public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
			throws IOException {
		String used = currentToken();
		request.getHeaders().setBearerAuth(used);
		ClientHttpResponse response = execution.execute(request, body);
		if (!response.getStatusCode().isSameCodeAs(HttpStatus.UNAUTHORIZED)) {
			return response;
		}
		response.close();
		log.info("CRM session expired; signing in again");
		request.getHeaders().setBearerAuth(renew(used));
		return execution.execute(request, body);
	}

	private String currentToken() {
		String current = token;
		return current != null ? current : renew(null);
	}

	/** A fresh token, unless another caller already replaced {@code expired} meanwhile. */
	private synchronized String renew(String expired) {
		if (token != null && !token.equals(expired)) {
			return token;
		}
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("grant_type", "client_credentials");
		form.add("client_id", settings.clientId());
		form.add("client_secret", settings.clientSecret());
		Token fresh = tokenEndpoint.post()
			.uri("/services/oauth2/token")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(form)
			.retrieve()
			.body(Token.class);
		if (fresh == null || fresh.accessToken() == null || fresh.accessToken().isBlank()) {
			throw new BackendRejectedException(Backends.CRM, HttpStatus.UNAUTHORIZED.value(), "no_token",
					"The CRM's token endpoint answered without an access token");
		}
		token = fresh.accessToken();
		return token;
	}
}
