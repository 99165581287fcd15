package io.retailhub.sandbox.backends.carrier;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.retailhub.sandbox.backends.BasicAuth;
import io.retailhub.sandbox.backends.SandboxCredentials;
import io.retailhub.sandbox.backends.faults.Backend;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * EasyPost authenticates every call by HTTP Basic with the API key as user name and an empty
 * password ({@code curl -u "EZTK...:"}); a missing or wrong key is a 401 in EasyPost's error
 * envelope. Runs after fault injection: an unavailable carrier is unavailable to everyone.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class EasyPostApiKeyFilter extends OncePerRequestFilter {

	private final byte[] apiKey;

	private final JsonMapper json;

	EasyPostApiKeyFilter(SandboxCredentials credentials, JsonMapper json) {
		this.apiKey = credentials.carrierApiKey().getBytes(StandardCharsets.UTF_8);
		this.json = json;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !request.getRequestURI()
			.substring(request.getContextPath().length())
			.startsWith(Backend.CARRIER.pathPrefix() + "/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String key = presentedKey(request.getHeader(HttpHeaders.AUTHORIZATION));
		if (key == null) {
			reject(response, "APIKEY.REQUIRED",
					"No API key provided. Authenticate with HTTP Basic, your API key as the user name and no password.");
			return;
		}
		if (!MessageDigest.isEqual(apiKey, key.getBytes(StandardCharsets.UTF_8))) {
			reject(response, "APIKEY.INVALID", "The API key provided is invalid.");
			return;
		}
		chain.doFilter(request, response);
	}

	/** The user name of {@code Basic base64(<key>:)}; null when there is none. */
	static String presentedKey(String authorization) {
		return BasicAuth.userName(authorization);
	}

	private void reject(HttpServletResponse response, String code, String message) throws IOException {
		response.setStatus(HttpStatus.UNAUTHORIZED.value());
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"EasyPost\"");
		json.writeValue(response.getOutputStream(),
				new EasyPostException(HttpStatus.UNAUTHORIZED, code, message, List.of()).body());
	}
}
