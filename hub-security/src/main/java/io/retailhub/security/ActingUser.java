package io.retailhub.security;

import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The person a service acts for, as the calling service names them in {@value #HEADER}
 * ({@code <role>:<subject>}, e.g. {@code agent:agent.ava}, {@code customer:17100001},
 * {@code store:store.nyc@STORE-NYC}). Only a service token may name one: the header of a request
 * authenticated by a user token (one with a {@code roles} claim), or of an unauthenticated
 * request, is ignored.
 */
public final class ActingUser {

	public static final String HEADER = "X-Acting-User";

	/** The one format every layer takes ({@link io.retailhub.contracts.ActingUser#PATTERN}). */
	private static final Pattern FORMAT = Pattern.compile(io.retailhub.contracts.ActingUser.PATTERN);

	private ActingUser() {
	}

	/** Whether the value has the {@code <role>:<subject>} form. */
	public static boolean isWellFormed(String value) {
		return value != null && FORMAT.matcher(value).matches();
	}

	/** The acting user named on this request, if a service token named a well-formed one. */
	public static Optional<String> of(HttpServletRequest request) {
		String value = request.getHeader(HEADER);
		if (!isWellFormed(value) || !fromServiceToken(SecurityContextHolder.getContext().getAuthentication())) {
			return Optional.empty();
		}
		return Optional.of(value);
	}

	/** The acting user of the request this thread serves, if any. */
	public static Optional<String> current() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			return of(attributes.getRequest());
		}
		return Optional.empty();
	}

	private static boolean fromServiceToken(Authentication authentication) {
		return authentication instanceof JwtAuthenticationToken jwt && jwt.isAuthenticated()
				&& !jwt.getToken().hasClaim(HubJwtAuthorities.ROLES_CLAIM);
	}

}
