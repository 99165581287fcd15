package io.retailhub.contracts;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The person a service acted for, as {@code <role>:<subject>}: {@code agent:agent.ava},
 * {@code customer:17100001}, {@code store:store.nyc@STORE-NYC}. The experience layer passes it in
 * the {@code X-Acting-User} header with its own service token; the process layer records it on
 * what the person did (who requested, canceled or resumed a return). The role is lower-case letters
 * and {@code -} (at most 20); the subject is letters, digits and {@code . _ @ : -}, starting with a
 * letter or digit (at most 128). Serialized as the bare string.
 */
public record ActingUser(String role, String subject) {

	/** The whole value as a regular expression for {@code jakarta.validation.constraints.Pattern}. */
	public static final String PATTERN = "[a-z][a-z-]{0,19}:[A-Za-z0-9][A-Za-z0-9._@:-]{0,127}";

	/** What a value that breaks {@link #PATTERN} is told. */
	public static final String PATTERN_MESSAGE = "must be <role>:<subject>, e.g. agent:agent.ava (role: lower-case "
			+ "letters; subject: letters, digits and . _ @ : -)";

	/** The longest value: role, colon and subject. */
	public static final int MAX_LENGTH = 149;

	/** The role of contact-center agents, whose actions are noted on the CRM case by name. */
	public static final String AGENT = "agent";

	private static final Pattern COMPILED = Pattern.compile("([a-z][a-z-]{0,19}):([A-Za-z0-9][A-Za-z0-9._@:-]{0,127})");

	public ActingUser {
		if (role == null || subject == null || !COMPILED.matcher(role + ":" + subject).matches()) {
			throw new IllegalArgumentException("ActingUser " + PATTERN_MESSAGE);
		}
	}

	/**
	 * Parses {@code <role>:<subject>}; the subject may itself hold {@code :}.
	 * @throws IllegalArgumentException for anything else
	 */
	@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
	public static ActingUser of(String value) {
		Matcher matcher = value == null ? null : COMPILED.matcher(value);
		if (matcher == null || !matcher.matches()) {
			throw new IllegalArgumentException("ActingUser " + PATTERN_MESSAGE);
		}
		return new ActingUser(matcher.group(1), matcher.group(2));
	}

	/** Whether a contact-center agent acted. */
	public boolean isAgent() {
		return AGENT.equals(role);
	}

	@JsonValue
	@Override
	public String toString() {
		return role + ":" + subject;
	}
}
