package io.retailhub.process.e2e;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.retailhub.process.ProcessApiApplication;
import io.retailhub.sandbox.identity.SharedIdentity;
import io.retailhub.sandbox.infra.PostgresServer;
import io.retailhub.sandbox.infra.SharedInfrastructure;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Whole process-api instances started and stopped by a test, as a deployment would run them:
 * several on one database, or one stopped mid-workflow and another started in its place. They
 * share a database and a consumer group of their own, apart from every test context.
 */
public final class ProcessApiInstances {

	static final String DATABASE = "process_instances";

	static final String CONSUMER_GROUP = "process-api-instances-tests";

	/** The deployment {@link #start(String)} runs: its own database, consumer group and return numbers. */
	public static final Deployment INSTANCES = new Deployment(DATABASE, CONSUMER_GROUP, "RI-", Map.of());

	private ProcessApiInstances() {
	}

	/**
	 * Where instances run: their database and consumer group, the prefix of their return numbers
	 * (the sandbox ERP is shared by every process-api in this JVM, so RMA references must not
	 * collide) and any further properties, which win over the defaults.
	 */
	public record Deployment(String database, String consumerGroup, String numberPrefix, Map<String, String> properties) {

		public Deployment {
			properties = Map.copyOf(properties);
		}
	}

	static ConfigurableApplicationContext start(String instanceId) {
		return start(instanceId, INSTANCES);
	}

	/** Starts an instance of {@code deployment}; instances of one deployment share its database and consumer group. */
	public static ConfigurableApplicationContext start(String instanceId, Deployment deployment) {
		Map<String, String> properties = new LinkedHashMap<>(SharedInfrastructure.springProperties(deployment.database()));
		properties.put("server.port", "0");
		properties.put("spring.main.banner-mode", "off");
		properties.put("spring.kafka.consumer.group-id", deployment.consumerGroup());
		properties.put("retailhub.system-api.base-url", HubSandbox.systemApiUrl());
		properties.put("retailhub.system-api.read-timeout", "3s");
		properties.putAll(SharedIdentity.serviceProperties());
		properties.put("retailhub.workflow.instance-id", instanceId);
		properties.put("retailhub.returns.number-prefix", deployment.numberPrefix());
		properties.put("retailhub.outbox.poll-interval", "20ms");
		properties.put("retailhub.workflow.steps.poll-interval", "20ms");
		properties.put("retailhub.workflow.steps.backoff.base", "10ms");
		properties.put("retailhub.workflow.steps.backoff.max", "200ms");
		// a stopped instance's leases run out soon, so its successor takes over in a moment
		properties.put("retailhub.workflow.steps.lease", "3s");
		properties.put("retailhub.workflow.steps.shutdown-timeout", "1s");
		properties.put("retailhub.kafka.partitions", "3");
		properties.put("spring.kafka.consumer.properties.metadata.max.age.ms", "1000");
		// every deployment here shares the sandbox ERP: only one that asks for it runs the order feed
		properties.put("retailhub.orders.feed.enabled", "false");
		properties.putAll(deployment.properties());
		List<String> args = new ArrayList<>();
		properties.forEach((name, value) -> args.add("--" + name + "=" + value));
		return ProcessApiApplication.builder().run(args.toArray(String[]::new));
	}

	/** The deployment's database, read from the test: it outlives every instance, stopped and crashed ones included. */
	public static JdbcClient database(Deployment deployment) {
		return JdbcClient.create(dataSource(deployment));
	}

	/** Connections to the deployment's database, for a test of its own. */
	public static DataSource dataSource(Deployment deployment) {
		PostgresServer postgres = SharedInfrastructure.postgres();
		postgres.createDatabaseIfMissing(deployment.database());
		return new DriverManagerDataSource(postgres.jdbcUrl(deployment.database()), postgres.username(),
				postgres.password());
	}

	public static int port(ConfigurableApplicationContext instance) {
		return Integer.parseInt(instance.getEnvironment().getProperty("local.server.port"));
	}

	/**
	 * Stops an instance the way a crash would: its database connections are cut first, so nothing
	 * it is doing at that moment (a step waiting for a backend, a receipt being recorded) can be
	 * recorded any more and every lease it holds stays held until it expires; then the context
	 * is closed. Calls already sent to the backends go on there, as they would after a real crash.
	 */
	public static void crash(ConfigurableApplicationContext instance) {
		crash(instance, () -> {
		});
	}

	/**
	 * {@link #crash(ConfigurableApplicationContext) Crashes} the instance, running {@code meanwhile}
	 * once its connections are cut and before its context closes: where a test lets go the calls
	 * it held at a backend, so that they finish there after the instance died, unanswered.
	 */
	public static void crash(ConfigurableApplicationContext instance, Runnable meanwhile) {
		try {
			instance.getBean(DataSource.class).unwrap(HikariDataSource.class).close();
		}
		catch (SQLException ex) {
			throw new IllegalStateException("process-api's data source is not a Hikari pool", ex);
		}
		meanwhile.run();
		instance.close();
	}
}
