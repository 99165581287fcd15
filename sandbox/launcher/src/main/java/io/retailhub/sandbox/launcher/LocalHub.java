package io.retailhub.sandbox.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.retailhub.experience.ExperienceApiApplication;
import io.retailhub.process.ProcessApiApplication;
import io.retailhub.sandbox.backends.SandboxBackendsApplication;
import io.retailhub.sandbox.identity.DemoUser;
import io.retailhub.sandbox.identity.SandboxIdentityApplication;
import io.retailhub.sandbox.infra.LocalKafka;
import io.retailhub.sandbox.infra.LocalPostgres;
import io.retailhub.system.SystemApiApplication;
import io.retailhub.system.backend.Backends;
import io.retailhub.web.ObservabilityDefaults;

import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingInitializationContext;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/**
 * The whole hub on one machine, in one JVM, with nothing installed but a JDK: embedded
 * PostgreSQL, an in-process Kafka broker, the simulated backends and the services, each service
 * in its own application context. {@code ./run-local.sh} builds and starts it; Ctrl-C stops it.
 *
 * <p>On start it prints where everything is and, last, the line {@value #READY}, which scripts
 * and tests wait for. See {@link LocalSettings} for ports and the data directory.
 */
public final class LocalHub implements AutoCloseable {

	/** The last line printed once everything runs. */
	static final String READY = "Retail Hub is ready";

	static final String SANDBOX = "sandbox";

	static final String IDENTITY = "identity";

	/** The standard Boot property each service reads the issuer it trusts from. */
	private static final String ISSUER_URI = "spring.security.oauth2.resourceserver.jwt.issuer-uri";

	static final String SYSTEM_API = "system-api";

	static final String PROCESS_API = "process-api";

	static final String EXPERIENCE_API = "experience-api";

	/**
	 * All services share the launcher's classpath, which carries process-api's persistence: the
	 * services without a database must not pick it up (nor process-api's migrations).
	 */
	private static final String NO_PERSISTENCE = String.join(",",
			"org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
			"org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
			"org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration",
			"org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration",
			"org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
			"org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
			"org.springframework.boot.data.jpa.autoconfigure.DataJpaRepositoriesAutoConfiguration");

	/** Chatty at INFO; their warnings still show. */
	private static final List<String> QUIET_LOGGERS = List.of("org.apache.kafka", "kafka", "state.change.logger",
			"io.zonky.test");

	private final LocalSettings settings;

	private LocalPostgres postgres;

	private LocalKafka kafka;

	private final Map<String, ConfigurableApplicationContext> services = new LinkedHashMap<>();

	private EventTail eventTail;

	/**
	 * experience-api's port, chosen before anything starts: the identity provider registers the
	 * web pages' sign-in return address on it, and it starts first.
	 */
	private final int experienceApiPort;

	LocalHub(LocalSettings settings) {
		this.settings = settings;
		this.experienceApiPort = settings.experienceApiPort() != 0 ? settings.experienceApiPort() : freePort();
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("No free port for experience-api", ex);
		}
	}

	/** The web pages' addresses the identity provider sends the browser back to ({@code /signed-in}, {@code /signed-out}). */
	private String webPageUris(String path) {
		return "http://localhost:" + this.experienceApiPort + path + ",http://127.0.0.1:" + this.experienceApiPort
				+ path;
	}

	public static void main(String[] args) {
		quietInfrastructureLogs();
		LocalHub hub = new LocalHub(LocalSettings.from(args));
		// one hook, so that services stop before the Kafka and PostgreSQL they use
		Runtime.getRuntime().addShutdownHook(new Thread(hub::close, "retail-hub-shutdown"));
		try {
			hub.start();
		}
		catch (RuntimeException ex) {
			System.err.println("Retail Hub did not start:");
			ex.printStackTrace();
			System.exit(1);
		}
		System.out.println(hub.summary());
		System.out.println(READY);
	}

	/**
	 * The services in start order. Each starter sees what started before it; process-api and
	 * experience-api join here, taking e.g. {@code hub.postgres().springDataSourceProperties("process")},
	 * {@code hub.kafka().springKafkaProperties()} and {@code hub.url(SYSTEM_API)}.
	 */
	private List<ServiceStarter> services() {
		return List.of(
			// first: the services trust its tokens and process-api fetches its own there
			new ServiceStarter(IDENTITY, this.settings.identityPort(), SandboxIdentityApplication::builder,
				hub -> Map.of("retailhub.identity.key-file",
						hub.settings.dataDirectory().resolve(IDENTITY).resolve("signing-key.json").toString(),
						"retailhub.identity.web-redirect-uris", hub.webPageUris("/signed-in"),
						"retailhub.identity.web-post-logout-redirect-uris", hub.webPageUris("/signed-out"),
						"spring.autoconfigure.exclude", NO_PERSISTENCE)),
			new ServiceStarter(SANDBOX, this.settings.sandboxPort(), SandboxBackendsApplication::builder,
				hub -> Map.of("sandbox.warehouse.auto-receive-after", hub.settings.autoReceiveAfter().toMillis() + "ms",
						"sandbox.state.directory", hub.settings.dataDirectory().resolve(SANDBOX).toString(),
						"spring.autoconfigure.exclude", NO_PERSISTENCE)),
			new ServiceStarter(SYSTEM_API, this.settings.systemApiPort(), SystemApiApplication::builder,
				hub -> merge(backendUrls(hub.url(SANDBOX)), hub.kafka().springKafkaProperties(),
						Map.of("spring.autoconfigure.exclude", NO_PERSISTENCE, ISSUER_URI, hub.url(IDENTITY)))),
			new ServiceStarter(PROCESS_API, this.settings.processApiPort(), ProcessApiApplication::builder,
				hub -> merge(hub.postgres().springDataSourceProperties("process"), hub.kafka().springKafkaProperties(),
						Map.of("retailhub.system-api.base-url", hub.url(SYSTEM_API), ISSUER_URI, hub.url(IDENTITY)))),
			new ServiceStarter(EXPERIENCE_API, this.experienceApiPort, ExperienceApiApplication::builder,
				hub -> merge(hub.postgres().springDataSourceProperties("experience"), hub.kafka().springKafkaProperties(),
						Map.of("retailhub.system-api.base-url", hub.url(SYSTEM_API),
								"retailhub.process-api.base-url", hub.url(PROCESS_API), ISSUER_URI, hub.url(IDENTITY)))));
	}

	@SafeVarargs
	private static Map<String, String> merge(Map<String, String>... parts) {
		Map<String, String> merged = new LinkedHashMap<>();
		for (Map<String, String> part : parts) {
			merged.putAll(part);
		}
		return merged;
	}

	/**
	 * The sandbox warehouse pushes its signed receipt webhooks to the system API, as a real WMS
	 * would be configured to; subscribed once the system API's port is known.
	 */
	private void subscribeWarehouseWebhooks() {
		String webhookUrl = url(SYSTEM_API) + "/api/system/v1/webhooks/warehouse";
		RestClient.create(url(SANDBOX))
			.put()
			.uri("/admin/warehouse/webhooks")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("url", webhookUrl))
			.retrieve()
			.toBodilessEntity();
	}

	/** Each simulated backend serves under its own path prefix of the sandbox. */
	private static Map<String, String> backendUrls(String sandboxUrl) {
		return Backends.ALL.stream()
			.collect(Collectors.toMap(backend -> "retailhub.backends." + backend + ".base-url",
					backend -> sandboxUrl + "/" + backend));
	}

	/** Starts everything in order; on failure, stops what had started and rethrows. */
	void start() {
		warnOfStatelessSandboxData();
		try {
			this.postgres = LocalPostgres.start(this.settings.postgresPort(),
					this.settings.dataDirectory().resolve("postgres"));
			this.kafka = LocalKafka.start(this.settings.kafkaPort(), this.settings.dataDirectory().resolve("kafka"));
			for (ServiceStarter starter : services()) {
				this.services.put(starter.name(), starter.start(this));
			}
			subscribeWarehouseWebhooks();
			this.eventTail = new EventTail(this.kafka.bootstrapServers());
			this.eventTail.start();
		}
		catch (RuntimeException ex) {
			close();
			throw ex;
		}
	}

	/**
	 * A data directory whose database the sandbox's state did not accompany holds returns with RMA
	 * numbers the sandbox cannot know, and may hand out again.
	 */
	private void warnOfStatelessSandboxData() {
		Path data = this.settings.dataDirectory();
		if (Files.isDirectory(data.resolve("postgres")) && !Files.exists(data.resolve(SANDBOX))) {
			System.err.println("Warning: " + data + " holds a database but no sandbox state (" + data.resolve(SANDBOX)
					+ "): the hub's returns there name RMAs and cases the sandbox backends do not know, and new ones may"
					+ " get their numbers again. Delete " + data + " for a clean slate.");
		}
	}

	LocalPostgres postgres() {
		return this.postgres;
	}

	LocalKafka kafka() {
		return this.kafka;
	}

	/** The root URL of a started service, on the port it actually bound. */
	String url(String service) {
		ConfigurableApplicationContext context = this.services.get(service);
		if (context == null) {
			throw new IllegalStateException(service + " has not started (yet)");
		}
		return "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
	}

	/** Where everything is, on the ports actually bound, with a few calls to try on the seeded demo data. */
	String summary() {
		return """

				Retail Hub is running locally
				  Self-service portal  %12$s/portal/   (sign in as customer.17100001, password demo, or as a guest)
				  Agent desktop        %12$s/agent/    (agent.ava, password demo)
				  Store tool           %12$s/store/    (store.nyc, password demo)
				  Experience API    %12$s/api/{agent,portal,store}/v1
				  Process API       %8$s/api/process/v1  (returns, refunds, workflows, dead letters)
				  System API        %1$s/api/system/v1
				  Swagger UI        %1$s/swagger-ui.html
				  OpenAPI           %1$s/v3/api-docs
				  Health            %1$s/actuator/health
				  Prometheus        %1$s/actuator/prometheus
				  Sandbox backends  %2$s/{%3$s}
				  Sandbox admin     %2$s/admin/faults
				  Identity          %10$s  (OAuth2 / OIDC issuer: %10$s/.well-known/openid-configuration)
				  PostgreSQL        %4$s  (user %5$s, no password)
				  Kafka             %7$s
				  Data              %6$s  (PostgreSQL, Kafka, the sandbox backends: kept across restarts)

				Tokens (every API call needs one; see docs/security.md)
				  a service token, every process.* and system.* scope (client_credentials):
				  TOKEN=$(curl -s -u retailhub-cli:cli-secret -d grant_type=client_credentials %10$s/oauth2/token | jq -r .access_token)
				  a demo user's token (sandbox-only password grant; the system and process APIs refuse it with 403):
				  USER_TOKEN=$(curl -s -u retailhub-cli:cli-secret -d grant_type=password -d username=agent.ava -d password=demo %10$s/oauth2/token | jq -r .access_token)
				%11$s
				Try
				  curl -H "Authorization: Bearer $USER_TOKEN" %12$s/api/agent/v1/customers/17100001
				  curl -H "Authorization: Bearer $USER_TOKEN" %12$s/api/agent/v1/orders/WEB-100001
				  curl -H "Authorization: Bearer $TOKEN" %1$s/api/system/v1/orders/WEB-100001
				  curl -H "Authorization: Bearer $TOKEN" %1$s/api/system/v1/customers/17100001
				  curl -H "Authorization: Bearer $TOKEN" %1$s/api/system/v1/inventory/MAT-1001
				  curl -X POST %8$s/api/process/v1/returns -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' -H 'Idempotency-Key: try-1' \\
				       -d '{"orderId":"WEB-100001","channel":"PORTAL","lines":[{"lineNumber":"20","quantity":1,"reason":"SIZE_TOO_SMALL"}]}'
				  (the sandbox warehouse receives the parcel %9$s later; then follow it with the token at %8$s/api/process/v1/workflows/{returnId})
				  curl -X PUT %2$s/admin/faults/erp -H 'Content-Type: application/json' -d '{"outage":true}'
				  curl -X DELETE %2$s/admin/faults/erp
				  curl -X POST %2$s/admin/erp/sales-orders -H 'Content-Type: application/json' \\
				       -d '{"orderNumber":"WEB-900001","customerNumber":"17100001","lines":[{"sku":"MAT-1001","quantity":1}]}'
				  (a new ERP order: the order feed publishes order.confirmed for it within seconds)

				Every event on the hub's Kafka topics is printed below as an [event] line as it passes.
				Ctrl-C stops everything.
				""".formatted(url(SYSTEM_API), url(SANDBOX), String.join(",", Backends.ALL), this.postgres.jdbcUrl(),
				this.postgres.username(), this.settings.dataDirectory(), this.kafka.bootstrapServers(), url(PROCESS_API),
				this.settings.autoReceiveAfter(), url(IDENTITY), demoUsers(url(IDENTITY)), url(EXPERIENCE_API));
	}

	/** The demo users, their claims and a token curl per role. */
	private static String demoUsers(String issuer) {
		StringBuilder users = new StringBuilder("  demo users (password demo for all):\n");
		for (DemoUser user : DemoUser.ALL) {
			users.append(String.format("    %-18s roles %-20s %s%n", user.username(), user.roles(),
					user.customerId() != null ? "customer_id " + user.customerId()
							: user.storeId() != null ? "store_id " + user.storeId() : ""));
		}
		users.append("  a token per role:\n");
		for (String username : List.of("agent.ava", "agent.sam", "customer.17100001", "store.nyc", "ops.olga")) {
			users.append("    curl -s -u retailhub-cli:cli-secret -d grant_type=password -d username=")
				.append(username)
				.append(" -d password=demo ")
				.append(issuer)
				.append("/oauth2/token | jq -r .access_token\n");
		}
		return users.toString();
	}

	/** Stops services in reverse start order, then Kafka, then PostgreSQL. Idempotent. */
	@Override
	public synchronized void close() {
		if (this.eventTail != null) {
			stop("event tail", this.eventTail);
			this.eventTail = null;
		}
		List<String> started = new ArrayList<>(this.services.keySet());
		Collections.reverse(started);
		for (String service : started) {
			stop(service, this.services.remove(service));
		}
		if (this.kafka != null) {
			stop("Kafka", this.kafka);
			this.kafka = null;
		}
		if (this.postgres != null) {
			stop("PostgreSQL", this.postgres);
			this.postgres = null;
		}
	}

	/** Stopping goes on past a failure, so that what comes after still stops. */
	private static void stop(String name, AutoCloseable running) {
		try {
			running.close();
		}
		catch (Exception ex) {
			System.err.println("Could not stop " + name + ": " + ex);
		}
	}

	/**
	 * Sets up Spring Boot's console logging before the infrastructure starts, rather than leaving
	 * Kafka to log at logback's unconfigured DEBUG. The services find logging initialised and
	 * keep it, adding their own logger levels; so it takes the services' pattern, which shows the
	 * correlation ID of the request or work each line belongs to.
	 */
	private static void quietInfrastructureLogs() {
		LoggingSystem logging = LoggingSystem.get(LocalHub.class.getClassLoader());
		logging.beforeInitialize();
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.addFirst(new MapPropertySource("hub-logging",
					Map.of(ObservabilityDefaults.LOG_CORRELATION_PROPERTY, ObservabilityDefaults.LOG_CORRELATION_PATTERN)));
		logging.initialize(new LoggingInitializationContext(environment), null, null);
		QUIET_LOGGERS.forEach(logger -> logging.setLogLevel(logger, LogLevel.WARN));
	}

}
