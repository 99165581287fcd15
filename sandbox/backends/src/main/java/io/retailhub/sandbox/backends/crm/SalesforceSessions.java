package io.retailhub.sandbox.backends.crm;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * The OAuth sessions of the simulated org: access tokens issued by the client-credentials flow,
 * each valid for {@code sandbox.crm.token-ttl}. Thread-safe.
 */
@Component
public class SalesforceSessions {

	/** The sandbox org's ID; access tokens start with its 15-character form, as real ones do. */
	static final String ORG_ID = "00D5g0000000001EAA";

	/** The integration user the client-credentials flow runs as. */
	static final String USER_ID = "0055g0000000001AAA";

	private final SecureRandom random = new SecureRandom();

	private final Map<String, Instant> expiries = new ConcurrentHashMap<>();

	private final SalesforceSettings settings;

	private final Clock clock;

	private final SalesforceEffects effects;

	SalesforceSessions(SalesforceSettings settings, Clock clock, SalesforceEffects effects) {
		this.settings = settings;
		this.clock = clock;
		this.effects = effects;
	}

	/** A new access token. */
	String issue() {
		Instant now = clock.instant();
		expiries.values().removeIf(expiry -> !expiry.isAfter(now));
		byte[] bytes = new byte[72];
		random.nextBytes(bytes);
		String token = ORG_ID.substring(0, 15) + "!" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		expiries.put(token, now.plus(settings.tokenTtl()));
		effects.record(SalesforceEffects.TOKENS_ISSUED);
		return token;
	}

	boolean isValid(String token) {
		Instant expiry = token == null ? null : expiries.get(token);
		return expiry != null && clock.instant().isBefore(expiry);
	}

	/**
	 * Ends every session at once, as an administrator revoking all tokens would: the next call
	 * with any token issued so far answers 401 {@code INVALID_SESSION_ID}.
	 */
	public void expireAll() {
		expiries.clear();
	}
}
