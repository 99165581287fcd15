package io.retailhub.sandbox.infra;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import kafka.server.BrokerServer;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.network.ListenerName;
import org.apache.kafka.common.utils.Exit;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * A real Kafka broker in KRaft mode (one combined broker and controller node) running inside
 * this JVM, listening on localhost only. Its logs live in a temporary directory: topics and
 * records do not survive a restart.
 *
 * <p>Topics are not created automatically, as on a production cluster: a service declares the
 * topics it uses, or a test creates them with {@link #createTopicsIfMissing(String...)}.
 */
public final class LocalKafka implements AutoCloseable {

	/** More than one, so that per-key ordering is exercised locally as it is in production. */
	public static final int DEFAULT_PARTITIONS = 3;

	/**
	 * The listener clients use. The test kit pre-binds its own listeners to random ports and
	 * ignores a port configured for them, so a fixed client port needs a listener of its own.
	 */
	private static final String CLIENT_LISTENER = "CLIENTS";

	private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(30);

	private final EmbeddedKafkaKraftBroker broker;

	/** Deletes what the broker leaves on disk, once it has stopped. */
	private final List<Runnable> cleanups;

	private final String bootstrapServers;

	private LocalKafka(EmbeddedKafkaKraftBroker broker, List<Runnable> cleanups, String bootstrapServers) {
		this.broker = broker;
		this.cleanups = cleanups;
		this.bootstrapServers = bootstrapServers;
	}

	/**
	 * Starts the broker and waits until it accepts clients.
	 * @param port the client port, 0 for a free one
	 */
	public static LocalKafka start(int port) {
		EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, DEFAULT_PARTITIONS);
		broker.brokerProperties(Map.of(
			"listeners", "EXTERNAL://localhost:0,CONTROLLER://localhost:0," + CLIENT_LISTENER + "://localhost:" + port,
			"listener.security.protocol.map", "EXTERNAL:PLAINTEXT,CONTROLLER:PLAINTEXT," + CLIENT_LISTENER + ":PLAINTEXT",
			"auto.create.topics.enable", "false",
			// one broker: internal topics cannot have more replicas than that
			"transaction.state.log.replication.factor", "1",
			"transaction.state.log.min.isr", "1",
			// the default 50 partitions each make the first consumer group or transaction wait for their creation
			"offsets.topic.num.partitions", "1",
			"transaction.state.log.num.partitions", "1"));
		// the broker publishes its address as a system property, by default spring.kafka.bootstrap-servers,
		// which would override every application's own setting; services get the address explicitly
		broker.brokerListProperty("retailhub.local-kafka.bootstrap-servers");
		List<Runnable> cleanups = new ArrayList<>();
		try {
			startCollectingShutdownHooks(broker, cleanups);
		}
		catch (RuntimeException ex) {
			stop(broker, cleanups);
			throw ex;
		}
		BrokerServer node = broker.getCluster().brokers().values().iterator().next();
		int boundPort = node.boundPort(ListenerName.normalised(CLIENT_LISTENER));
		return new LocalKafka(broker, cleanups, "localhost:" + boundPort);
	}

	/**
	 * The test kit registers JVM shutdown hooks that delete its directories. At JVM exit they would
	 * run alongside the owner's {@link #close()}, pulling the files from under the closing broker
	 * (a burst of ERROR logs); collected instead, they run once the broker has stopped. The hook
	 * registry is global, hence the lock.
	 */
	private static synchronized void startCollectingShutdownHooks(EmbeddedKafkaKraftBroker broker, List<Runnable> hooks) {
		Exit.setShutdownHookAdder((name, hook) -> hooks.add(hook));
		try {
			broker.afterPropertiesSet();
		}
		finally {
			Exit.resetShutdownHookAdder();
		}
	}

	/** The value for a client's {@code bootstrap.servers}. */
	public String bootstrapServers() {
		return this.bootstrapServers;
	}

	/** The {@code spring.kafka.bootstrap-servers} property for a Spring Boot application. */
	public Map<String, String> springKafkaProperties() {
		return Map.of("spring.kafka.bootstrap-servers", this.bootstrapServers);
	}

	/**
	 * Creates the topics that do not exist yet, with {@value #DEFAULT_PARTITIONS} partitions
	 * each, and waits until they do. Safe to call from every test class sharing the broker.
	 */
	public void createTopicsIfMissing(String... names) {
		List<NewTopic> topics = Arrays.stream(names)
			.map(name -> new NewTopic(name, DEFAULT_PARTITIONS, (short) 1))
			.toList();
		this.broker.doWithAdmin(admin -> admin.createTopics(topics).values().forEach(LocalKafka::awaitCreated));
	}

	private static void awaitCreated(String topic, KafkaFuture<Void> creation) {
		try {
			creation.get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (ExecutionException ex) {
			if (!(ex.getCause() instanceof TopicExistsException)) {
				throw new KafkaException("Could not create topic " + topic, ex.getCause());
			}
		}
		catch (TimeoutException ex) {
			throw new KafkaException("Topic " + topic + " not created within " + ADMIN_TIMEOUT, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new KafkaException("Interrupted while creating topic " + topic, ex);
		}
	}

	/** Stops the broker and deletes its logs. Idempotent. */
	@Override
	public synchronized void close() {
		stop(this.broker, this.cleanups);
	}

	private static void stop(EmbeddedKafkaKraftBroker broker, List<Runnable> cleanups) {
		try {
			broker.destroy();
		}
		finally {
			cleanups.forEach(Runnable::run);
			cleanups.clear();
		}
	}

	@Override
	public String toString() {
		return "LocalKafka[" + this.bootstrapServers + "]";
	}

}
