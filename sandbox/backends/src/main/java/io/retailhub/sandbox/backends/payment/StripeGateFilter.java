package io.retailhub.sandbox.backends.payment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

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
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What Stripe checks before any endpoint runs: the secret key ({@code Authorization: Bearer sk_...},
 * or HTTP Basic with the key as user name) and the account's request rate. Runs after fault
 * injection, so an injected outage answers even requests without a key, as a real outage would.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class StripeGateFilter extends OncePerRequestFilter {

	private final byte[] secretKey;

	private final StripeRateLimit rateLimit;

	private final PaymentEffects effects;

	private final JsonMapper json;

	StripeGateFilter(SandboxCredentials credentials, StripeRateLimit rateLimit, PaymentEffects effects,
			JsonMapper json) {
		this.secretKey = credentials.paymentSecretKey().getBytes(StandardCharsets.UTF_8);
		this.rateLimit = rateLimit;
		this.effects = effects;
		this.json = json;
	}

	static boolean isStripePath(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		String prefix = Backend.PAYMENT.pathPrefix();
		return path.equals(prefix) || path.startsWith(prefix + "/");
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !isStripePath(request);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String key = presentedKey(request.getHeader(HttpHeaders.AUTHORIZATION));
		if (key == null) {
			reject(response, StripeException.unauthorized("You did not provide an API key. You need to provide your "
					+ "API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY')."));
			return;
		}
		if (!MessageDigest.isEqual(secretKey, key.getBytes(StandardCharsets.UTF_8))) {
			reject(response, StripeException.unauthorized("Invalid API Key provided: " + redacted(key)));
			return;
		}
		if (!rateLimit.tryAcquire()) {
			effects.record(PaymentEffects.RATE_LIMITED);
			reject(response, StripeException.rateLimited());
			return;
		}
		chain.doFilter(request, response);
	}

	/** The key from {@code Bearer <key>} or {@code Basic base64(<key>:)}; null when there is none. */
	static String presentedKey(String authorization) {
		if (authorization == null) {
			return null;
		}
		if (authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
			String key = authorization.substring(7).strip();
			return key.isEmpty() ? null : key;
		}
		return BasicAuth.userName(authorization);
	}

	private static String redacted(String key) {
		return key.length() <= 4 ? "****" : key.substring(0, Math.min(8, key.length() - 4)) + "****"
				+ key.substring(key.length() - 4);
	}

	private void reject(HttpServletResponse response, StripeException ex) throws IOException {
		response.setStatus(ex.status());
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		if (ex.status() == 401) {
			response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Stripe\"");
		}
		json.writeValue(response.getOutputStream(), ex.body());
	}
}
