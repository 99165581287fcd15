package io.retailhub.sandbox.backends.crm;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.servlet.http.HttpServletRequest;

import io.retailhub.sandbox.backends.SandboxCredentials;
import io.retailhub.sandbox.backends.faults.Backend;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * {@code POST /crm/services/oauth2/token}: the OAuth 2.0 client-credentials flow of a Salesforce
 * connected app. The form carries {@code grant_type=client_credentials}, {@code client_id} and
 * {@code client_secret}; the answer is Salesforce's token response (no {@code expires_in}, no
 * refresh token: a client learns of expiry from a 401 and asks again). {@code instance_url} is
 * this sandbox's own {@code /crm} base URL, as seen by the caller. Mapped under
 * {@link Backend#CRM}'s path prefix.
 */
@RestController
class SalesforceOAuthController {

	private final SandboxCredentials credentials;

	private final SalesforceSessions sessions;

	private final Clock clock;

	SalesforceOAuthController(SandboxCredentials credentials, SalesforceSessions sessions, Clock clock) {
		this.credentials = credentials;
		this.sessions = sessions;
		this.clock = clock;
	}

	@PostMapping("/crm/services/oauth2/token")
	ResponseEntity<Map<String, Object>> token(@RequestParam MultiValueMap<String, String> form,
			HttpServletRequest request) {
		if (!"client_credentials".equals(form.getFirst("grant_type"))) {
			return error("unsupported_grant_type", "grant type not supported");
		}
		if (!matches(form.getFirst("client_id"), credentials.crmClientId())
				|| !matches(form.getFirst("client_secret"), credentials.crmClientSecret())) {
			return error("invalid_client", "invalid client credentials");
		}
		String issuedAt = String.valueOf(clock.millis());
		String identity = "https://login.salesforce.com/id/" + SalesforceSessions.ORG_ID + "/"
				+ SalesforceSessions.USER_ID;
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("access_token", sessions.issue());
		body.put("signature", sign(identity + issuedAt, credentials.crmClientSecret()));
		body.put("scope", "api");
		body.put("instance_url",
				ServletUriComponentsBuilder.fromContextPath(request).path(Backend.CRM.pathPrefix()).toUriString());
		body.put("id", identity);
		body.put("token_type", "Bearer");
		body.put("issued_at", issuedAt);
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
	}

	private static ResponseEntity<Map<String, Object>> error(String error, String description) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("error", error);
		body.put("error_description", description);
		return ResponseEntity.badRequest().body(body);
	}

	private static boolean matches(String given, String expected) {
		return given != null && expected != null && MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
				expected.getBytes(StandardCharsets.UTF_8));
	}

	/** Salesforce signs {@code id + issued_at} with HMAC-SHA256 keyed by the client secret. */
	private static String sign(String data, String secret) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return Base64.getEncoder().encodeToString(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}
}
