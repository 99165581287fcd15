package io.retailhub.system.erp;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.retailhub.system.backend.BackendUnavailableException;
import io.retailhub.system.backend.Backends;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

/**
 * SAP's CSRF protection for writes: a token fetched with {@code x-csrf-token: Fetch}, valid only
 * together with the session cookies that came with it. The token is kept and reused across
 * writes; when ERP answers 403 {@code x-csrf-token: Required} (session timed out, server
 * restarted) a new one is fetched and the write tried once more. Thread-safe: concurrent writers
 * share a token, and a refresh replaces only the token that failed.
 */
final class CsrfSession {

	/** A token and the {@code Cookie} header value that belongs to it. */
	record Token(String value, String cookies) {
	}

	private final ErpClient client;

	private final AtomicReference<Token> current = new AtomicReference<>();

	CsrfSession(ErpClient client) {
		this.client = client;
	}

	/** Runs a modifying call with a valid token, fetching (or re-fetching once) as needed. */
	<T> T write(String service, Function<Token, T> call) {
		Token token = current.get();
		if (token == null) {
			token = fetch(service, null);
		}
		try {
			return call.apply(token);
		}
		catch (ErpErrors.CsrfTokenRequired expired) {
			Token fresh = fetch(service, token);
			try {
				return call.apply(fresh);
			}
			catch (ErpErrors.CsrfTokenRequired again) {
				throw new BackendUnavailableException(Backends.ERP, "ERP refused a freshly fetched CSRF token");
			}
		}
	}

	private Token fetch(String service, Token stale) {
		ResponseEntity<Void> response = client.fetchCsrfToken(service, "Fetch");
		String value = response.getHeaders().getFirst(ErpErrors.CSRF_HEADER);
		if (value == null || value.isBlank() || value.equalsIgnoreCase("Required")) {
			throw new BackendUnavailableException(Backends.ERP, "ERP issued no CSRF token");
		}
		Token token = new Token(value, cookies(response.getHeaders().getOrDefault(HttpHeaders.SET_COOKIE, List.of())));
		if (stale == null) {
			current.compareAndSet(null, token);
		}
		else {
			current.compareAndSet(stale, token);
		}
		return token;
	}

	/** {@code Set-Cookie: a=1; path=/; HttpOnly} headers as one {@code Cookie: a=1; b=2} value. */
	private static String cookies(List<String> setCookies) {
		return setCookies.stream()
			.map(c -> c.split(";", 2)[0].strip())
			.filter(c -> c.contains("="))
			.collect(Collectors.joining("; "));
	}
}
