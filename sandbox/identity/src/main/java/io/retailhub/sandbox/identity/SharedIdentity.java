package io.retailhub.sandbox.identity;

import java.util.Map;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * One sandbox authorization server per JVM, on a free port, started on first use and stopped with
 * the JVM: the test worlds of every module point their services at it and call them with its
 * tokens ({@link #tokens()}).
 */
public final class SharedIdentity {

	/** The standard Boot property every hub service reads its issuer from. */
	public static final String ISSUER_URI_PROPERTY = "spring.security.oauth2.resourceserver.jwt.issuer-uri";

	private static ConfigurableApplicationContext context;

	private SharedIdentity() {
	}

	/** The issuer URL ({@code http://localhost:<port>}), starting the server if needed. */
	public static synchronized String issuer() {
		if (context == null) {
			context = SandboxIdentityApplication.builder()
				.run("--server.port=0", "--spring.main.banner-mode=off");
			ConfigurableApplicationContext started = context;
			Runtime.getRuntime().addShutdownHook(new Thread(started::close, "identity-shutdown"));
		}
		return "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
	}

	/** Tokens from the shared server. */
	public static DemoTokens tokens() {
		return DemoTokens.of(issuer());
	}

	/** What a hub service needs to trust the shared server's tokens (and fetch its own there). */
	public static Map<String, String> serviceProperties() {
		return Map.of(ISSUER_URI_PROPERTY, issuer());
	}

}
