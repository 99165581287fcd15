package io.retailhub.sandbox.backends.erp;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.stereotype.Component;

/**
 * The Gateway sessions of the simulated ERP and their CSRF tokens. A token is bound to the session
 * cookie it was fetched with: a modifying request needs both. Fetching again within a session
 * answers the same token, as SAP does. The sandbox keeps the most recent sessions only, so a
 * client that never reuses its session cannot exhaust memory; an evicted or
 * {@link #expireAll() expired} session makes the next write fail with 403, as a timed-out SAP
 * session does. Thread-safe.
 */
@Component
public class CsrfSessions {

	/** The session cookie, named like SAP's ({@code SAP_SESSIONID_<SID>_<client>}). */
	static final String COOKIE = "SAP_SESSIONID_S4H_100";

	private static final int MAX_SESSIONS = 1_000;

	private final SecureRandom random = new SecureRandom();

	private final Map<String, String> tokensBySession = new LinkedHashMap<>(16, 0.75f, true) {
		@Override
		protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
			return size() > MAX_SESSIONS;
		}
	};

	private final AtomicLong issued = new AtomicLong();

	/** A session and its token: fetched anew, or the caller's own when it is still alive. */
	record Session(String id, String token, boolean created) {
	}

	synchronized Session fetch(String sessionId) {
		String token = sessionId == null ? null : tokensBySession.get(sessionId);
		if (token != null) {
			return new Session(sessionId, token, false);
		}
		Session session = new Session(randomText(32), randomText(18), true);
		tokensBySession.put(session.id(), session.token());
		issued.incrementAndGet();
		return session;
	}

	/** Whether the token was fetched in this session (and the session is still alive). */
	synchronized boolean accepts(String sessionId, String token) {
		if (sessionId == null || token == null) {
			return false;
		}
		String expected = tokensBySession.get(sessionId);
		return expected != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
				token.getBytes(StandardCharsets.US_ASCII));
	}

	/** Ends every session, as a Gateway session timeout or restart would; clients must fetch again. */
	public synchronized void expireAll() {
		tokensBySession.clear();
	}

	long issued() {
		return issued.get();
	}

	private String randomText(int bytes) {
		byte[] buffer = new byte[bytes];
		random.nextBytes(buffer);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(buffer);
	}
}
