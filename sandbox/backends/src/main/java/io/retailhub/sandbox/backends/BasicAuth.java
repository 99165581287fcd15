package io.retailhub.sandbox.backends;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** HTTP Basic credentials as the vendors that take an API key as the user name read them. */
public final class BasicAuth {

	private BasicAuth() {
	}

	/** The user name of {@code Basic base64(<user>:<password>)}; null when there is none or it is not Basic. */
	public static String userName(String authorization) {
		if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
			return null;
		}
		try {
			String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).strip()),
					StandardCharsets.UTF_8);
			int colon = decoded.indexOf(':');
			String user = colon >= 0 ? decoded.substring(0, colon) : decoded;
			return user.isEmpty() ? null : user;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}
}
