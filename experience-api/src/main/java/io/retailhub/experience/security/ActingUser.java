package io.retailhub.experience.security;

import java.util.List;

import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Who a call to the layers below is made for, as they record it (who started, canceled or resumed
 * a return). Travels in the {@value #HEADER} header as {@code <role>:<subject>}: {@code agent:agent.ava},
 * {@code customer:17100001}, {@code guest:WEB-100001}, {@code store:store.nyc@STORE-NYC}. The layers
 * below honour it only beside experience-api's own service token.
 *
 * @param role the channel role the person acts in
 * @param subject who they are in that role
 */
public record ActingUser(String role, String subject) {

	public static final String HEADER = "X-Acting-User";

	/** The claim of user tokens carrying their roles (a JSON array). */
	public static final String ROLES_CLAIM = "roles";

	public static final String CUSTOMER_ID_CLAIM = "customer_id";

	public static final String STORE_ID_CLAIM = "store_id";

	/** The claim of guest tokens naming the one order they open. */
	public static final String ORDER_ID_CLAIM = "order_id";

	public static final String AGENT = "agent";

	public static final String SUPERVISOR = "supervisor";

	public static final String CUSTOMER = "customer";

	public static final String GUEST = "guest";

	public static final String STORE = "store";

	public static final String OPS = "ops";

	/** The header's value, in the format every layer takes ({@link io.retailhub.contracts.ActingUser}). */
	public String header() {
		return new io.retailhub.contracts.ActingUser(role, subject).toString();
	}

	public static ActingUser agent(Jwt token) {
		return new ActingUser(AGENT, token.getSubject());
	}

	/** A shopper: the customer of a customer token, or the order of a guest token. */
	public static ActingUser shopper(Jwt token) {
		if (roles(token).contains(CUSTOMER) && token.getClaimAsString(CUSTOMER_ID_CLAIM) != null) {
			return new ActingUser(CUSTOMER, token.getClaimAsString(CUSTOMER_ID_CLAIM));
		}
		return new ActingUser(GUEST, token.getClaimAsString(ORDER_ID_CLAIM));
	}

	public static ActingUser ops(Jwt token) {
		return new ActingUser(OPS, token.getSubject());
	}

	public static ActingUser storeStaff(Jwt token) {
		return new ActingUser(STORE, token.getSubject() + "@" + token.getClaimAsString(STORE_ID_CLAIM));
	}

	static List<String> roles(Jwt token) {
		List<String> roles = token.getClaimAsStringList(ROLES_CLAIM);
		return roles == null ? List.of() : roles;
	}
}
