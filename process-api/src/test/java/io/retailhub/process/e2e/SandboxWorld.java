package io.retailhub.process.e2e;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.retailhub.sandbox.backends.SandboxBackendsApplication;
import io.retailhub.sandbox.backends.faults.Backend;
import io.retailhub.sandbox.identity.SharedIdentity;
import io.retailhub.sandbox.infra.KafkaBroker;
import io.retailhub.sandbox.infra.SharedInfrastructure;
import io.retailhub.system.SystemApiApplication;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/**
 * The simulated backends and the real system API in front of them, each on a free port, over real
 * HTTP, started on first use and stopped with the JVM (or by {@link #close()}). The test JVM shares
 * one ({@link HubSandbox}); a drill that must count every effect the backends recorded as its own
 * starts a world of its own, with its own demo data.
 */
public final class SandboxWorld implements AutoCloseable {

	/**
	 * The test classpath carries process-api's persistence: the other applications in this JVM
	 * need none of it, and must not pick up process-api's migrations.
	 */
	private static final String NO_PERSISTENCE = "--spring.autoconfigure.exclude="
			+ "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration,"
			+ "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration,"
			+ "org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration,"
			+ "org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration,"
			+ "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration,"
			+ "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration,"
			+ "org.springframework.boot.data.jpa.autoconfigure.DataJpaRepositoriesAutoConfiguration";

	/**
	 * Boot's default web security, for a test classpath that carries Spring Security (experience-api's
	 * does): the sandbox backends have no security of their own (the admin API is a test double), and
	 * Boot would otherwise lock every endpoint behind a generated password. Class names that are not
	 * on the classpath are ignored.
	 */
	private static final String NO_DEFAULT_SECURITY = "--spring.autoconfigure.exclude="
			+ "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration,"
			+ "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration,"
			+ "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration,"
			+ "org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration,"
			+ "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration,"
			+ "io.retailhub.security.HubSecurityAutoConfiguration,io.retailhub.security.ServiceTokenAutoConfiguration";

	/** The HMAC key the sandbox WMS signs with and the system API checks; both default to it. */
	private static final String WEBHOOK_SECRET = "whsec_sandbox_wms";

	/**
	 * What a world's backends are started with unless told otherwise: parcels arrive when a test
	 * says so, and twice the local run's orders, because every test that changes an order takes
	 * one no other test took (see {@link DemoOrders}).
	 */
	private static final Map<String, String> DEFAULTS = Map.of("--sandbox.warehouse.auto-receive-after", "0s",
			"--sandbox.data.orders", "6000");

	private final KafkaBroker kafka;

	private final List<String> sandboxArguments;

	private final HeldRequests held = new HeldRequests();

	private ConfigurableApplicationContext backends;

	private ConfigurableApplicationContext systemApi;

	/**
	 * @param sandboxArguments settings of the backends, as command-line arguments (they outrank the
	 * yml files), e.g. {@code --sandbox.warehouse.auto-receive-after=2s}
	 */
	public SandboxWorld(String... sandboxArguments) {
		this(null, sandboxArguments);
	}

	/**
	 * @param kafka where the system API publishes its events; null for the JVM's shared broker. A
	 * world with demo data of its own needs a broker of its own: its ERP numbers RMAs as the shared
	 * world's does, and receipts of one world must never reach the other's returns.
	 * @param sandboxArguments as above
	 */
	public SandboxWorld(KafkaBroker kafka, String... sandboxArguments) {
		this.kafka = kafka;
		this.sandboxArguments = List.of(sandboxArguments);
	}

	/** The backends, started on first use. */
	public synchronized ConfigurableApplicationContext backends() {
		if (backends == null) {
			List<String> args = new ArrayList<>(
					List.of("--server.port=0", "--spring.main.banner-mode=off", NO_PERSISTENCE, NO_DEFAULT_SECURITY));
			DEFAULTS.forEach((name, value) -> {
				if (sandboxArguments.stream().noneMatch(arg -> arg.startsWith(name + "="))) {
					args.add(name + "=" + value);
				}
			});
			args.addAll(sandboxArguments);
			backends = SandboxBackendsApplication.builder()
				.initializers(context -> context.getBeanFactory().registerSingleton("heldRequests", held))
				.run(args.toArray(String[]::new));
			Runtime.getRuntime().addShutdownHook(new Thread(this::close, "sandbox-world-shutdown"));
		}
		return backends;
	}

	/** The system API, its adapters pointed at the backends, started on first use. */
	public synchronized ConfigurableApplicationContext systemApi() {
		if (systemApi == null) {
			List<String> args = new ArrayList<>(List.of("--server.port=0", "--spring.main.banner-mode=off",
					NO_PERSISTENCE));
			for (Backend backend : Backend.values()) {
				args.add("--retailhub.backends." + backend.id() + ".base-url=" + backendUrl(backend));
			}
			(kafka != null ? kafka : SharedInfrastructure.kafka()).springKafkaProperties()
				.forEach((name, value) -> args.add("--" + name + "=" + value));
			SharedIdentity.serviceProperties().forEach((name, value) -> args.add("--" + name + "=" + value));
			systemApi = SystemApiApplication.builder().run(args.toArray(String[]::new));
			// the WMS pushes its signed receipts to the system API, as in the local run
			RestClient.create()
				.put()
				.uri(sandboxUrl() + "/admin/warehouse/webhooks")
				.contentType(MediaType.APPLICATION_JSON)
				.body(Map.of("url", systemApiUrl() + "/api/system/v1/webhooks/warehouse", "secret",
						WEBHOOK_SECRET))
				.retrieve()
				.toBodilessEntity();
		}
		return systemApi;
	}

	public String systemApiUrl() {
		return "http://localhost:" + systemApi().getEnvironment().getProperty("local.server.port");
	}

	public String backendUrl(Backend backend) {
		return sandboxUrl() + backend.pathPrefix();
	}

	/** The sandbox's root, where its admin API lives. */
	public String sandboxUrl() {
		return "http://localhost:" + backends().getEnvironment().getProperty("local.server.port");
	}

	/** Where a test holds this world's backend requests until it releases them (a filter in front of the backends). */
	public HeldRequests held() {
		backends();
		return held;
	}

	public <T> T backendBean(Class<T> type) {
		return backends().getBean(type);
	}

	@Override
	public synchronized void close() {
		if (systemApi != null) {
			systemApi.close();
		}
		if (backends != null) {
			backends.close();
		}
	}
}
