package io.retailhub.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;

/**
 * A token's authorities: {@code SCOPE_<scope>} for each scope (the {@code scope} or {@code scp}
 * claim) and {@code ROLE_<role>} for each entry of the {@code roles} claim (user tokens).
 */
public final class HubJwtAuthorities implements Converter<Jwt, Collection<GrantedAuthority>> {

	/** The claim that lists a person's roles (agent, supervisor, customer, store, ops). */
	public static final String ROLES_CLAIM = "roles";

	private final JwtGrantedAuthoritiesConverter scopes = new JwtGrantedAuthoritiesConverter();

	@Override
	public Collection<GrantedAuthority> convert(Jwt jwt) {
		List<GrantedAuthority> authorities = new ArrayList<>(this.scopes.convert(jwt));
		List<String> roles = jwt.hasClaim(ROLES_CLAIM) ? jwt.getClaimAsStringList(ROLES_CLAIM) : List.of();
		if (roles != null) {
			roles.forEach(role -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role)));
		}
		return authorities;
	}

}
