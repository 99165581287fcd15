package io.retailhub.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.retailhub.experience.ExperienceApiApplication;
import io.retailhub.process.ProcessApiApplication;
import io.retailhub.sandbox.backends.SandboxBackendsApplication;
import io.retailhub.sandbox.backends.faults.Backend;
import io.retailhub.sandbox.backends.faults.Faults;
import io.retailhub.sandbox.identity.SandboxIdentityApplication;
import io.retailhub.sandbox.infra.LocalKafka;
import io.retailhub.sandbox.infra.LocalPostgres;
import io.retailhub.system.SystemApiApplication;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The whole hub in this JVM, as process-api's end-to-end tests start it (e2e/HubSandbox): an
 * embedded PostgreSQL and Kafka, the sandbox authorization server, the sandbox backends, the
 * system API in front of them, process-api and, when asked, experience-api, each Spring
 * application on a free port, talking over real HTTP and Kafka with real tokens.
 *
 * <p>All the applications share this JVM's classpath, which carries process-api's persistence:
 * the sandbox and the system API get the JDBC, JPA and Flyway auto-configuration excluded, or they
 * would look for a database and run process-api's migrations. experience-api has its own database
 * ({@value #EXPERIENCE_DATABASE}) on the same PostgreSQL, as in the local run.
 */
final class BenchHub implements AutoCloseable {

	static final String PROCESS_DATABASE = "process";

	static final String PROCESS_INSTANCE = "bench";

	static final String EXPERIENCE_DATABASE = "experience";

	private static final String NO_PERSISTENCE = String.join(",",
			"org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
			"org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
			"org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration",
			"org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration",
			"org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
			"org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
			"org.springframework.boot.data.jpa.autoconfigure.DataJpaRepositoriesAutoConfiguration");

	/** The HMAC key the sandbox WMS signs with and the system API checks; both default to it. */
	private static final String WEBHOOK_SECRET = "whsec_sandbox_wms";

	private final LocalPostgres postgres;

	private final LocalKafka kafka;

	private final List<ConfigurableApplicationContext> started = new ArrayList<>();

	private final ConfigurableApplicationContext sandbox;

	private ConfigurableApplicationContext identity;

	private final ConfigurableApplicationContext systemApi;

	private final ConfigurableApplicationContext processApi;

	private ConfigurableApplicationContext experienceApi;

	private final Map<String, Map<String, String>> settings = new LinkedHashMap<>();

	/**
	 * What the hub starts with.
	 *
	 * @param orders demo orders the sandbox generates
	 * @param logFile where the services' INFO log goes; null keeps logging on the console
	 * @param properties properties per service ({@code process}, {@code system}, {@code sandbox},
	 * {@code experience}) beyond the benchmark's own; they win over them
	 * @param experienceApi whether experience-api starts too
	 */
	record Setup(int orders, Path logFile, Map<String, Map<String, String>> properties, boolean experienceApi) {

		Map<String, String> properties(String service) {
			return this.properties.getOrDefault(service, Map.of());
		}

	}

	private BenchHub(Setup setup) {
		this.postgres = LocalPostgres.start(0);
		this.kafka = LocalKafka.start(0);
		try {
			// the authorization server the services trust and the driver takes its service token from
			this.identity = start("identity", SandboxIdentityApplication.builder(), common(setup.logFile()));
			Map<String, String> security = Map.of("spring.security.oauth2.resourceserver.jwt.issuer-uri", issuerUrl());

			Map<String, String> sandboxProperties = common(setup.logFile());
			sandboxProperties.put("spring.autoconfigure.exclude", NO_PERSISTENCE);
			// parcels arrive only when the benchmark receives them, so it controls the timing
			sandboxProperties.put("sandbox.warehouse.auto-receive-after", "0s");
			sandboxProperties.put("sandbox.data.orders", Integer.toString(setup.orders()));
			// the simulated Stripe answers 429 above 1000 requests/s, like a real account's quota;
			// the benchmark measures the hub, not the provider's quota
			sandboxProperties.put("sandbox.payment.rate-limit-per-second", "1000000");
			sandboxProperties.putAll(setup.properties("sandbox"));
			this.sandbox = start("sandbox", SandboxBackendsApplication.builder(), sandboxProperties);
			// zero latency: no fault in front of any backend
			this.sandbox.getBean(Faults.class).clearAll();

			Map<String, String> systemProperties = common(setup.logFile());
			systemProperties.put("spring.autoconfigure.exclude", NO_PERSISTENCE);
			for (Backend backend : Backend.values()) {
				systemProperties.put("retailhub.backends." + backend.id() + ".base-url",
						sandboxUrl() + backend.pathPrefix());
			}
			systemProperties.putAll(this.kafka.springKafkaProperties());
			systemProperties.putAll(security);
			systemProperties.putAll(setup.properties("system"));
			this.systemApi = start("system", SystemApiApplication.builder(), systemProperties);
			subscribeWebhooks();

			Map<String, String> processProperties = common(setup.logFile());
			processProperties.putAll(this.postgres.springDataSourceProperties(PROCESS_DATABASE));
			processProperties.putAll(this.kafka.springKafkaProperties());
			processProperties.put("retailhub.system-api.base-url", systemApiUrl());
			processProperties.putAll(security);
			processProperties.put("retailhub.workflow.instance-id", PROCESS_INSTANCE);
			processProperties.putAll(setup.properties("process"));
			this.processApi = start("process", ProcessApiApplication.builder(), processProperties);

			if (setup.experienceApi()) {
				Map<String, String> experienceProperties = common(setup.logFile());
				experienceProperties.putAll(this.postgres.springDataSourceProperties(EXPERIENCE_DATABASE));
				experienceProperties.putAll(this.kafka.springKafkaProperties());
				experienceProperties.put("retailhub.system-api.base-url", systemApiUrl());
				experienceProperties.put("retailhub.process-api.base-url", processApiUrl());
				// user tokens in, and its own client-credentials token out (client secret: the sandbox default)
				experienceProperties.putAll(security);
				experienceProperties.putAll(setup.properties("experience"));
				this.experienceApi = start("experience", ExperienceApiApplication.builder(), experienceProperties);
			}
		}
		catch (RuntimeException ex) {
			close();
			throw ex;
		}
	}

	static BenchHub start(Setup setup) {
		return new BenchHub(setup);
	}

	private static Map<String, String> common(Path logFile) {
		Map<String, String> properties = new LinkedHashMap<>();
		properties.put("server.port", "0");
		properties.put("spring.main.banner-mode", "off");
		properties.put("logging.include-application-name", "false");
		properties.put("logging.register-shutdown-hook", "false");
		if (logFile != null) {
			// the services log at INFO as they ship (that cost is part of the figure), into a file,
			// so the console shows the benchmark's report and errors only
			properties.put("logging.file.name", logFile.toAbsolutePath().toString());
			properties.put("logging.threshold.console", "ERROR");
		}
		return properties;
	}

	private ConfigurableApplicationContext start(String name, SpringApplicationBuilder builder,
			Map<String, String> properties) {
		this.settings.put(name, properties);
		ConfigurableApplicationContext context = builder.registerShutdownHook(false)
			.run(properties.entrySet()
				.stream()
				.map(property -> "--" + property.getKey() + "=" + property.getValue())
				.toArray(String[]::new));
		this.started.add(context);
		return context;
	}

	/** The WMS pushes its signed receipts to the system API, as in the local run. */
	private void subscribeWebhooks() {
		String body = "{\"url\":\"" + systemApiUrl() + "/api/system/v1/webhooks/warehouse\",\"secret\":\""
				+ WEBHOOK_SECRET + "\"}";
		HttpRequest request = HttpRequest.newBuilder(URI.create(sandboxUrl() + "/admin/warehouse/webhooks"))
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(body))
			.build();
		try {
			HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				throw new IllegalStateException("webhook subscription refused: " + response.statusCode() + " "
						+ response.body());
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("webhook subscription failed", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", ex);
		}
	}

	LocalPostgres postgres() {
		return this.postgres;
	}

	LocalKafka kafka() {
		return this.kafka;
	}

	ConfigurableApplicationContext sandbox() {
		return this.sandbox;
	}

	ConfigurableApplicationContext systemApi() {
		return this.systemApi;
	}

	ConfigurableApplicationContext processApi() {
		return this.processApi;
	}

	/** experience-api, or null when the hub was started without it. */
	ConfigurableApplicationContext experienceApi() {
		return this.experienceApi;
	}

	/** The properties each service was started with beyond its own yml, by service name. */
	Map<String, Map<String, String>> settings() {
		return this.settings;
	}

	String sandboxUrl() {
		return url(this.sandbox);
	}

	/** The sandbox authorization server's issuer URL. */
	String issuerUrl() {
		return url(this.identity);
	}

	String systemApiUrl() {
		return url(this.systemApi);
	}

	String processApiUrl() {
		return url(this.processApi);
	}

	String experienceApiUrl() {
		if (this.experienceApi == null) {
			throw new IllegalStateException("experience-api was not started");
		}
		return url(this.experienceApi);
	}

	private static String url(ConfigurableApplicationContext context) {
		return "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
	}

	/** Stops the services in reverse order, then Kafka and PostgreSQL. */
	@Override
	public void close() {
		for (int i = this.started.size() - 1; i >= 0; i--) {
			try {
				this.started.get(i).close();
			}
			catch (RuntimeException ex) {
				System.err.println("could not stop a service cleanly: " + ex);
			}
		}
		this.started.clear();
		try {
			this.kafka.close();
		}
		finally {
			this.postgres.close();
		}
	}

}
