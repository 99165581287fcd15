package io.retailhub.experience.support;

import java.util.Map;

import io.retailhub.process.e2e.HubSandbox;
import io.retailhub.process.e2e.ProcessApiInstances;
import io.retailhub.process.e2e.ProcessApiInstances.Deployment;
import io.retailhub.sandbox.backends.faults.Backend;
import io.retailhub.sandbox.identity.DemoTokens;
import io.retailhub.sandbox.identity.SandboxIdentityApplication;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * Everything around experience-api, started once per test JVM in process and over real HTTP:
 * the sandbox authorization server (real tokens: {@link #tokens()}), the simulated backends and
 * the system API ({@link HubSandbox}, shared with process-api's tests' code) and one process-api
 * instance on a database, consumer group and return numbers of its own. Tests reach in only to
 * inject faults at the backends.
 */
public final class ExperienceWorld {

	/** The test classpath carries experience-api's persistence: the other applications need none of it. */
	static final String NO_PERSISTENCE = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration,"
			+ "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration,"
			+ "org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration,"
			+ "org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration,"
			+ "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration,"
			+ "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration,"
			+ "org.springframework.boot.data.jpa.autoconfigure.DataJpaRepositoriesAutoConfiguration";

	/** Boot's default web security, which would lock a service that has no security of its own yet. */
	static final String NO_DEFAULT_SECURITY = "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration,"
			+ "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration,"
			+ "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration,"
			+ "org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration,"
			+ "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration,"
			+ "org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientAutoConfiguration,"
			+ "org.springframework.boot.security.oauth2.client.autoconfigure.servlet.OAuth2ClientWebSecurityAutoConfiguration,"
			+ "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration,"
			+ "io.retailhub.security.HubSecurityAutoConfiguration,io.retailhub.security.ServiceTokenAutoConfiguration";

	/** process-api as experience-api's tests run it; its return numbers start RX- so RMA references never collide. */
	static final Deployment PROCESS = new Deployment("process_experience", "process-api-experience-tests", "RX-",
			Map.of("spring.autoconfigure.exclude", NO_DEFAULT_SECURITY));

	private static ConfigurableApplicationContext identity;

	private static ConfigurableApplicationContext processApi;

	private ExperienceWorld() {
	}

	/** The authorization server's issuer, {@code http://localhost:<port>}. */
	public static synchronized String issuer() {
		if (identity == null) {
			identity = SandboxIdentityApplication.builder()
				.run("--server.port=0", "--spring.main.banner-mode=off",
						"--spring.autoconfigure.exclude=" + NO_PERSISTENCE
								+ ",io.retailhub.security.HubSecurityAutoConfiguration,io.retailhub.security.ServiceTokenAutoConfiguration");
			Runtime.getRuntime().addShutdownHook(new Thread(identity::close, "identity-shutdown"));
		}
		return "http://localhost:" + identity.getEnvironment().getProperty("local.server.port");
	}

	/** Real tokens of the sandbox authorization server: demo users' and service tokens. */
	public static DemoTokens tokens() {
		return DemoTokens.of(issuer());
	}

	public static String systemApiUrl() {
		return HubSandbox.systemApiUrl();
	}

	/** The sandbox's root, where its admin API lives. */
	public static String sandboxUrl() {
		return HubSandbox.sandboxUrl();
	}

	public static synchronized String processApiUrl() {
		if (processApi == null) {
			processApi = ProcessApiInstances.start("experience-tests", PROCESS);
			Runtime.getRuntime().addShutdownHook(new Thread(processApi::close, "process-api-shutdown"));
		}
		return "http://localhost:" + ProcessApiInstances.port(processApi);
	}

	/** Every request to the backend fails with 503 until {@link #heal()}. */
	public static void outage(Backend backend) {
		HubSandbox.outage(backend);
	}

	/** Faults cleared and every held request let go. */
	public static void heal() {
		HubSandbox.heal();
	}
}
