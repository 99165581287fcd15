package io.retailhub.sandbox.infra;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.metadata.properties.MetaPropertiesEnsemble;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Kafka broker in KRaft mode (one node that is both broker and controller, as
 * {@code kafka-server-start.sh} runs it) inside this JVM, listening on localhost only.
 *
 * <p>Without a log directory the broker keeps its logs in a temporary directory that is deleted
 * on close. With one, the directory is formatted on first start (a new cluster ID, node
 * {@value #NODE_ID}) and reused as it is by every later start: topics, records, consumer groups'
 * offsets and producer state survive a stop or a crash of the JVM. The broker does not flush to
 * disk on every write (Kafka's default), so like {@link LocalPostgres} it does not survive a crash
 * of the machine.
 *
 * <p>Topics are not created automatically, as on a production cluster: a service declares the
 * topics it uses, or a test creates them with {@link #createTopicsIfMissing(String...)}.
 */
public final class LocalKafka implements KafkaBroker {

	/** More than one, so that per-key ordering is exercised locally as it is in production. */
	public static final int DEFAULT_PARTITIONS = 3;

	/** The node's ID, stored in the log directory when it is formatted. */
	static final int NODE_ID = 1;

	private static final String CLIENT_LISTENER = "CLIENTS";

	private static final String CONTROLLER_LISTENER = "CONTROLLER";

	/** Attempts at free ports chosen here, in case another process takes one before the broker binds it. */
	private static final int START_ATTEMPTS = 3;

	private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(30);

	private static final Logger log = LoggerFactory.getLogger(LocalKafka.class);

	/**
	 * The broker's settings apart from its own topology (roles, listeners, directories): the
	 * container of the testcontainers profile gets them too, so that the same tests meet the same broker.
	 */
	static final Map<String, String> SERVER_SETTINGS = serverSettings();

	private final KafkaRaftServer server;

	private final Path logDirectory;

	private final boolean throwAway;

	private final String bootstrapServers;

	private boolean closed;

	private LocalKafka(KafkaRaftServer server, Path logDirectory, boolean throwAway, String bootstrapServers) {
		this.server = server;
		this.logDirectory = logDirectory;
		this.throwAway = throwAway;
		this.bootstrapServers = bootstrapServers;
	}

	/**
	 * Starts a throw-away broker whose logs are deleted on close, and waits until it accepts clients.
	 * @param port the client port, 0 for a free one
	 */
	public static LocalKafka start(int port) {
		Path directory;
		try {
			directory = Files.createTempDirectory("retailhub-kafka-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not create a directory for Kafka's logs", ex);
		}
		try {
			return start(port, directory, true);
		}
		catch (RuntimeException ex) {
			deleteQuietly(directory);
			throw ex;
		}
	}

	/**
	 * Starts a broker that keeps its logs in the given directory, formatted there if it holds no
	 * broker yet and reused as it is otherwise, and waits until it accepts clients.
	 * @param port the client port, 0 for a free one
	 * @param logDirectory where the logs live; created if missing
	 */
	public static LocalKafka start(int port, Path logDirectory) {
		Path directory = logDirectory.toAbsolutePath();
		try {
			Files.createDirectories(directory);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not create Kafka's log directory " + directory, ex);
		}
		return start(port, directory, false);
	}

	private static LocalKafka start(int port, Path directory, boolean throwAway) {
		for (int attempt = 1;; attempt++) {
			int clientPort = port == 0 ? freePort() : port;
			// the controller's address is part of the quorum configuration, so it is chosen here
			int controllerPort = freePort();
			formatUnlessFormatted(directory);
			KafkaRaftServer server = new KafkaRaftServer(
					new KafkaConfig(brokerProperties(clientPort, controllerPort, directory), false), Time.SYSTEM);
			try {
				// returns once the broker has caught up with the metadata log and is unfenced
				server.startup();
				LocalKafka kafka = new LocalKafka(server, directory, throwAway, "localhost:" + clientPort);
				kafka.awaitClients();
				return kafka;
			}
			catch (RuntimeException ex) {
				stop(server);
				if (attempt < START_ATTEMPTS && causedByBind(ex) && (port == 0 || !portTaken(port))) {
					log.info("A port chosen for Kafka was taken meanwhile; starting again on other ports");
					continue;
				}
				throw ex;
			}
		}
	}

	private static Map<String, Object> brokerProperties(int clientPort, int controllerPort, Path directory) {
		Map<String, Object> properties = new HashMap<>();
		properties.put("process.roles", "broker,controller");
		properties.put("node.id", Integer.toString(NODE_ID));
		// a static quorum of this node: nothing of it is stored, so the controller port may change between starts
		properties.put("controller.quorum.voters", NODE_ID + "@localhost:" + controllerPort);
		properties.put("controller.listener.names", CONTROLLER_LISTENER);
		properties.put("listeners",
				CLIENT_LISTENER + "://localhost:" + clientPort + "," + CONTROLLER_LISTENER + "://localhost:" + controllerPort);
		properties.put("inter.broker.listener.name", CLIENT_LISTENER);
		properties.put("listener.security.protocol.map", CLIENT_LISTENER + ":PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
		// the metadata log lives there too (metadata.log.dir defaults to the first log directory)
		properties.put("log.dirs", directory.toString());
		properties.putAll(SERVER_SETTINGS);
		return properties;
	}

	private static Map<String, String> serverSettings() {
		Map<String, String> settings = new LinkedHashMap<>();
		settings.put("auto.create.topics.enable", "false");
		settings.put("num.partitions", Integer.toString(DEFAULT_PARTITIONS));
		// one broker: internal topics cannot have more replicas than that
		settings.put("offsets.topic.replication.factor", "1");
		settings.put("transaction.state.log.replication.factor", "1");
		settings.put("transaction.state.log.min.isr", "1");
		settings.put("share.coordinator.state.topic.replication.factor", "1");
		settings.put("share.coordinator.state.topic.min.isr", "1");
		// the default 50 partitions each make the first consumer group or transaction wait for their creation
		settings.put("offsets.topic.num.partitions", "1");
		settings.put("transaction.state.log.num.partitions", "1");
		// a consumer group forms at once instead of waiting 3 s for more members
		settings.put("group.initial.rebalance.delay.ms", "0");
		// the log cleaner (compacted offsets topic) would otherwise take 128 MB of heap
		settings.put("log.cleaner.dedupe.buffer.size", Integer.toString(2 * 1024 * 1024));
		return Collections.unmodifiableMap(settings);
	}

	/**
	 * What {@code kafka-storage.sh format} does, once: a directory that holds {@code meta.properties}
	 * belongs to a broker already, and formatting it again would give it a new cluster ID.
	 */
	private static void formatUnlessFormatted(Path directory) {
		if (Files.exists(directory.resolve(MetaPropertiesEnsemble.META_PROPERTIES_NAME))) {
			return;
		}
		String clusterId = Uuid.randomUuid().toString();
		try {
			new Formatter().setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
				.setNodeId(NODE_ID)
				.setClusterId(clusterId)
				.setControllerListenerName(CONTROLLER_LISTENER)
				.setMetadataLogDirectory(directory.toString())
				.addDirectory(directory.toString())
				.run();
		}
		catch (Exception ex) {
			throw new KafkaException("Could not format Kafka's log directory " + directory, ex);
		}
		log.info("Formatted Kafka log directory {} for cluster {}", directory, clusterId);
	}

	/** Waits until the client listener answers a metadata request, as every client's first call. */
	private void awaitClients() {
		awaitClients(this.bootstrapServers);
	}

	/** Waits until a broker answers a metadata request on the given address, as every client's first call. */
	static void awaitClients(String bootstrapServers) {
		try (Admin admin = admin(bootstrapServers)) {
			admin.describeCluster().nodes().get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new KafkaException("Kafka started but does not answer on " + bootstrapServers, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new KafkaException("Interrupted while waiting for Kafka", ex);
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("No free port for Kafka", ex);
		}
	}

	private static boolean portTaken(int port) {
		try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
			return false;
		}
		catch (IOException ex) {
			return true;
		}
	}

	private static boolean causedByBind(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof BindException) {
				return true;
			}
		}
		return false;
	}

	@Override
	public String bootstrapServers() {
		return this.bootstrapServers;
	}

	/** The directory the logs are kept in across restarts, empty for a throw-away broker. */
	public Optional<Path> logDirectory() {
		return this.throwAway ? Optional.empty() : Optional.of(this.logDirectory);
	}

	@Override
	public void createTopicsIfMissing(String... names) {
		createTopicsIfMissingOn(this.bootstrapServers, names);
	}

	/**
	 * Creates the topics that do not exist yet on the broker at the given address, with
	 * {@value #DEFAULT_PARTITIONS} partitions each, and waits until they do.
	 */
	static void createTopicsIfMissingOn(String bootstrapServers, String... names) {
		List<NewTopic> topics = Arrays.stream(names)
			.map(name -> new NewTopic(name, DEFAULT_PARTITIONS, (short) 1))
			.toList();
		try (Admin admin = admin(bootstrapServers)) {
			admin.createTopics(topics).values().forEach(LocalKafka::awaitCreated);
		}
	}

	private static Admin admin(String bootstrapServers) {
		return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
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

	@Override
	public synchronized void close() {
		if (this.closed) {
			return;
		}
		this.closed = true;
		try {
			stop(this.server);
		}
		finally {
			if (this.throwAway) {
				deleteQuietly(this.logDirectory);
			}
		}
	}

	private static void stop(KafkaRaftServer server) {
		server.shutdown();
		server.awaitShutdown();
	}

	private static void deleteQuietly(Path directory) {
		try {
			Utils.delete(directory.toFile());
		}
		catch (IOException ex) {
			log.warn("Could not delete Kafka's temporary log directory {}: {}", directory, ex.toString());
		}
	}

	@Override
	public String toString() {
		return "LocalKafka[" + this.bootstrapServers + "]";
	}

}
