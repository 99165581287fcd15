package io.retailhub.sandbox.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.retailhub.contracts.events.Topics;
import io.retailhub.sandbox.identity.DemoTokens;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Starts the packaged launcher the way the README does, as a separate JVM, on free ports and a
 * fresh data directory. Run by failsafe after {@code package}; the jar's path comes from the
 * {@code launcher.jar} system property.
 */
class LocalHubLauncherIntegrationTests {

	private static final Pattern RETURN_ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");

	private static final Pattern STATUS = Pattern.compile("\"status\":\"([A-Z_]+)\"");

	/** The consumer group of the launcher's {@link EventTail}. */
	private static final String EVENT_TAIL_GROUP = "local-hub-event-tail";

	private static final String RETURN_RECEIVED = "io.retailhub.return.received.v1";

	private static final String RETURN_INSPECTED = "io.retailhub.return.inspected.v1";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Pattern HUB_LOGGER = Pattern.compile("io\\.retailhub\\.(experience|process|system)\\.");

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final List<Launcher> started = new ArrayList<>();

	/** Service tokens (every scope) of the launcher started last, whose services the test calls. */
	private DemoTokens tokens;

	/**
	 * After a failed assertion: gently first, so that the launcher still stops its PostgreSQL.
	 * Then the launcher's last lines, its shutdown, reach the test output.
	 */
	@AfterEach
	void stopLaunchersStillRunning() throws InterruptedException {
		for (Launcher launcher : this.started) {
			launcher.stop();
		}
	}

	@Test
	void startsTheHubAnswersAndStopsCleanlyOnSigterm(@TempDir Path dataDirectory) throws Exception {
		// given the launcher started as the README does, on free ports, logging JSON lines as in a container
		Launcher launcher = start(dataDirectory, Map.of("LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs"));

		// then the system API it printed answers, health first, then an order from the sandbox's ERP
		URI systemApi = launcher.printedUrl(Launcher.SYSTEM_API_URL);
		assertThat(get(systemApi.resolve("/actuator/health"))).isEqualTo(200);
		assertThat(get(systemApi.resolve("/api/system/v1/orders/WEB-100001"))).isEqualTo(200);
		// only with a token from the identity server it printed
		HttpResponse<Void> withoutToken = this.http.send(
				HttpRequest.newBuilder(systemApi.resolve("/api/system/v1/orders/WEB-100001")).GET().build(),
				HttpResponse.BodyHandlers.discarding());
		assertThat(withoutToken.statusCode()).isEqualTo(401);

		// and every layer refuses a request without a token, the inner layers also a shopper's token
		URI processApi = launcher.printedUrl(Launcher.PROCESS_API_URL);
		URI experienceApi = launcher.printedUrl(Launcher.EXPERIENCE_API_URL);
		String customer = this.tokens.userToken("customer.17100001");
		String otherCustomer = this.tokens.userToken("customer.17100002");
		String agent = this.tokens.userToken("agent.ava");
		assertThat(get(experienceApi.resolve("/api/portal/v1/orders"), null)).isEqualTo(401);
		assertThat(get(processApi.resolve("/api/process/v1/returns?orderId=WEB-100001"), null)).isEqualTo(401);
		assertThat(get(systemApi.resolve("/api/system/v1/orders/WEB-100001"), customer)).isIn(401, 403);
		assertThat(get(processApi.resolve("/api/process/v1/returns?orderId=WEB-100001"), customer)).isIn(401, 403);

		// and a shopper lists their orders and returns a unit of one the portal says is returnable
		assertThat(json(experienceApi.resolve("/api/portal/v1/orders"), customer).findValuesAsString("id"))
			.contains("WEB-100001");
		JsonNode returnable = json(experienceApi.resolve("/api/portal/v1/orders/WEB-100001/returnable-lines"), customer);
		String returnedLine = returnable.valueStream()
			.filter(candidate -> candidate.path("eligible").asBoolean())
			.map(candidate -> candidate.path("lineNumber").asString())
			.findFirst()
			.orElseThrow(() -> new AssertionError("no returnable line in " + returnable));
		// (from a page that traces its requests, as a browser's OpenTelemetry instrumentation would)
		String traceId = hex(16);
		HttpResponse<String> started = this.http.send(HttpRequest
			.newBuilder(experienceApi.resolve("/api/portal/v1/returns"))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json")
			.header("Authorization", "Bearer " + customer)
			.header("Idempotency-Key", "launcher-portal-1")
			.header("traceparent", "00-" + traceId + "-" + hex(8) + "-01")
			.POST(HttpRequest.BodyPublishers.ofString("""
					{"orderId":"WEB-100001","lines":[{"lineNumber":"%s","quantity":1,"reason":"SIZE_TOO_SMALL"}]}"""
				.formatted(returnedLine)))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
		String returnId = JSON.readTree(started.body()).path("id").asString();
		// the sandbox warehouse receives the parcel by itself, the refund is paid and the shopper sees it
		URI myReturn = experienceApi.resolve("/api/portal/v1/returns/" + returnId);
		await().atMost(Duration.ofMinutes(2))
			.pollInterval(Duration.ofMillis(500))
			.untilAsserted(() -> assertThat(json(myReturn, customer).path("status").asString()).isEqualTo("REFUND_ISSUED"));
		assertThat(json(myReturn, customer).path("refund").path("amount").path("amount").decimalValue()).isPositive();
		assertThat(get(processApi.resolve("/api/process/v1/workflows/" + returnId))).isEqualTo(200);
		String refundId = json(experienceApi.resolve("/api/portal/v1/orders/WEB-100001/refunds"), customer).get(0)
			.path("id")
			.asString();

		// and another shopper gets 404 for that order, return and refund, as for ones that do not exist
		assertThat(get(experienceApi.resolve("/api/portal/v1/orders/WEB-100001"), otherCustomer)).isEqualTo(404);
		assertThat(get(myReturn, otherCustomer)).isEqualTo(404);
		assertThat(get(experienceApi.resolve("/api/portal/v1/refunds/" + refundId), otherCustomer)).isEqualTo(404);

		// and an agent finds the shopper by e-mail and sees order 360 with every panel OK, and the timeline
		// with the return's steps
		String email = json(experienceApi.resolve("/api/agent/v1/customers/17100001"), agent).path("panels")
			.path("profile")
			.path("data")
			.path("email")
			.asString();
		assertThat(json(experienceApi.resolve("/api/agent/v1/customers?email=" + email), agent).findValuesAsString("id"))
			.containsExactly("17100001");
		JsonNode panels = json(experienceApi.resolve("/api/agent/v1/orders/WEB-100001"), agent).path("panels");
		panels.properties()
			.forEach(panel -> assertThat(panel.getValue().path("status").asString()).as(panel.getKey()).isEqualTo("OK"));
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(json(experienceApi.resolve("/api/agent/v1/orders/WEB-100001/timeline"), agent)
				.path("entries")
				.findValuesAsString("kind")).contains("RETURN_REQUESTED", "RETURN_AUTHORIZED", "RETURN_RECEIVED",
						"REFUND_POSTED", "RETURN_CLOSED"));

		// and with ERP in outage, the order panel is UNAVAILABLE while the rest answers
		URI erpFault = launcher.printedUrl(Launcher.SANDBOX_URL).resolve("/admin/faults/erp");
		assertThat(this.http.send(HttpRequest.newBuilder(erpFault)
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString("{\"outage\":true}"))
			.build(), HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(200);
		JsonNode degraded = json(experienceApi.resolve("/api/agent/v1/orders/WEB-100001"), agent).path("panels");
		assertThat(degraded.path("order").path("status").asString()).isEqualTo("UNAVAILABLE");
		for (String panel : List.of("shipments", "payment", "returns", "cases")) {
			assertThat(degraded.path(panel).path("status").asString()).as(panel).isEqualTo("OK");
		}
		this.http.send(HttpRequest.newBuilder(erpFault).DELETE().build(), HttpResponse.BodyHandlers.discarding());

		// and what happened went through Kafka: the launcher prints every event as it passes, in the trace of the
		// shopper's request from the request to the closing
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(launcher.output())
			.anyMatch(line -> isEvent(line, "io.retailhub.return.requested.v1") && line.endsWith("trace=" + traceId))
			.anyMatch(line -> isEvent(line, "io.retailhub.return.authorized.v1") && line.endsWith("trace=" + traceId))
			.anyMatch(line -> isEvent(line, "io.retailhub.refund.posted.v1") && line.endsWith("trace=" + traceId))
			.anyMatch(line -> isEvent(line, "io.retailhub.return.closed.v1") && line.endsWith("trace=" + traceId)));
		// and that one trace ID follows the return through the JSON log lines of all three services
		assertThat(servicesLogging(launcher.output(), traceId)).contains("experience", "process", "system");

		// and an order placed in the sandbox's ERP is confirmed on Kafka by the order feed
		HttpResponse<String> placed = this.http.send(HttpRequest
			.newBuilder(launcher.printedUrl(Launcher.SANDBOX_URL).resolve("/admin/erp/sales-orders"))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("""
					{"orderNumber":"WEB-LAUNCHER-1","customerNumber":"17100001","lines":[{"sku":"MAT-1001","quantity":1}]}"""))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(placed.statusCode()).as(placed.body()).isEqualTo(201);
		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(launcher.output())
			.anyMatch(line -> isEvent(line, "io.retailhub.order.confirmed.v1") && line.contains("orders/WEB-LAUNCHER-1")));

		// and SIGTERM stops it cleanly
		launcher.sigterm();
		assertThat(launcher.process.waitFor(20, TimeUnit.SECONDS)).as("exited within 20 s").isTrue();
		assertThat(launcher.process.exitValue()).isIn(0, 143);
	}

	/**
	 * The process API's consumers are held back with Spring Boot's own switch
	 * ({@code spring.kafka.listener.auto-startup=false}, here from the environment, which every
	 * service in the launcher reads): the warehouse's receipt is then acknowledged to the warehouse
	 * and on Kafka, and nothing has consumed it yet when the JVM is killed.
	 */
	@Test
	void resumesAcknowledgedEventsAndConsumerOffsetsAfterItWasKilled(@TempDir Path dataDirectory) throws Exception {
		// given a hub whose process API does not consume from Kafka
		Launcher first = start(dataDirectory, Map.of("SPRING_KAFKA_LISTENER_AUTOSTARTUP", "false"));
		URI processApi = first.printedUrl(Launcher.PROCESS_API_URL);
		URI returnUri = createReturn(processApi, "launcher-crash-1");

		// and an authorized return whose parcel the warehouse received: its webhook was answered 200,
		// so the receipt event is on Kafka, where the launcher's event tail printed it
		await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
			.untilAsserted(() -> assertThat(json(returnUri).path("rmaNumber").isString()).isTrue());
		String rma = json(returnUri).path("rmaNumber").asString();
		await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> assertThat(first.output())
			.anyMatch(line -> isEvent(line, RETURN_RECEIVED) && line.contains("rmas/" + rma)));
		URI deliveries = first.printedUrl(Launcher.SANDBOX_URL).resolve("/admin/warehouse/webhooks/deliveries");
		await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> {
			JsonNode delivery = json(deliveries).get(0);
			assertThat(delivery.path("state").asString()).isEqualTo("DELIVERED");
			assertThat(delivery.path("lastStatus").asInt()).isEqualTo(200);
		});
		// which nothing consumed: the return still waits for its parcel
		assertThat(json(returnUri).path("status").asString()).isEqualTo("AUTHORIZED");
		assertThat(json(returnUri).path("lines").get(0).path("quantityReceived").asInt()).isZero();
		// and the event tail's consumer group has committed everything it printed
		String kafka = first.printedKafka();
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(committedOffsets(kafka, EVENT_TAIL_GROUP))
			.containsAllEntriesOf(endOffsets(kafka)));
		// and the sandbox has saved its backends' state since (the RMA, the case, the receipt): what it
		// promises to keep, everything but the last moment's changes
		URI sandboxState = first.printedUrl(Launcher.SANDBOX_URL).resolve("/admin/state");
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(json(sandboxState).path("unsavedChanges").asBoolean()).isFalse());
		await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(500))
			.untilAsserted(() -> assertThat(json(returnUri).path("caseId").isString()).isTrue());
		String caseId = json(returnUri).path("caseId").asString();

		// when the launcher's JVM is killed and started again on the same data directory, consuming
		first.kill();
		Launcher second = start(dataDirectory, Map.of());

		// then the process API consumes the receipt acknowledged before the crash, and the return moves on
		URI restartedReturnUri = second.printedUrl(Launcher.PROCESS_API_URL).resolve(returnUri.getPath());
		await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
			JsonNode ret = json(restartedReturnUri);
			assertThat(ret.path("lines").get(0).path("quantityReceived").asInt()).isEqualTo(1);
			assertThat(ret.path("status").asString()).isNotEqualTo("AUTHORIZED");
		});
		// and the event tail, whose group's offsets survived, goes on after what it printed before the
		// crash: the inspection is on the receipt's partition (events of one order share one), behind
		// the receipt, so a tail that started over would have printed the receipt first
		await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> assertThat(second.output())
			.anyMatch(line -> isEvent(line, RETURN_INSPECTED)));
		assertThat(second.output()).noneMatch(line -> isEvent(line, RETURN_RECEIVED));

		// and the return goes all the way: the backends still know its RMA and its case, so the refund
		// is paid, the credit memo is created against the RMA from before the crash, the case is closed
		await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
			.failFast("the return needs a person", () -> "REQUIRES_ACTION".equals(status(restartedReturnUri)))
			.untilAsserted(() -> assertThat(status(restartedReturnUri)).isEqualTo("CLOSED"));
		JsonNode closed = json(restartedReturnUri);
		assertThat(closed.path("rmaNumber").asString()).isEqualTo(rma);
		assertThat(closed.path("caseId").asString()).isEqualTo(caseId);
		JsonNode effects = json(second.printedUrl(Launcher.SANDBOX_URL).resolve("/admin/effects"));
		assertThat(effects.path("payment").path("refunds.created").asLong()).isOne();
		assertThat(effects.path("erp").path("creditMemoRequests.created").asLong()).isOne();
		// and a new return gets an RMA number the sandbox never handed out before the crash
		URI anotherReturn = createReturn(second.printedUrl(Launcher.PROCESS_API_URL), "launcher-crash-2", "10");
		await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(500))
			.untilAsserted(() -> assertThat(json(anotherReturn).path("rmaNumber").isString()).isTrue());
		assertThat(Long.parseLong(json(anotherReturn).path("rmaNumber").asString())).isGreaterThan(Long.parseLong(rma));
	}

	private Launcher start(Path dataDirectory, Map<String, String> environment) throws IOException {
		Launcher launcher = new Launcher(dataDirectory, environment);
		this.started.add(launcher);
		launcher.awaitReady();
		this.tokens = DemoTokens.of(launcher.printedUrl(Launcher.IDENTITY_URL).toString());
		return launcher;
	}

	private URI createReturn(URI processApi, String idempotencyKey) throws IOException, InterruptedException {
		return createReturn(processApi, idempotencyKey, "20");
	}

	/** A return of one unit of a line of WEB-100001 (line 10 has two, line 20 one). */
	private URI createReturn(URI processApi, String idempotencyKey, String lineNumber)
			throws IOException, InterruptedException {
		HttpResponse<String> created = this.http.send(HttpRequest.newBuilder(processApi.resolve("/api/process/v1/returns"))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json")
			.header("Idempotency-Key", idempotencyKey)
			.header("Authorization", this.tokens.serviceAuthorization())
			.POST(HttpRequest.BodyPublishers.ofString("""
					{"orderId":"WEB-100001","channel":"PORTAL","lines":[{"lineNumber":"%s","quantity":1,"reason":"SIZE_TOO_SMALL"}]}"""
				.formatted(lineNumber)))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		Matcher id = RETURN_ID.matcher(created.body());
		assertThat(id.find()).isTrue();
		return processApi.resolve("/api/process/v1/returns/" + id.group(1));
	}

	private static String lastSegment(URI uri) {
		return Path.of(uri.getPath()).getFileName().toString();
	}

	/**
	 * The hub services ({@code io.retailhub.<service>.*} loggers) whose JSON log lines carry the trace
	 * ID, read as a log shipper would: every line a JSON object, the trace ID one of its fields.
	 */
	private static Set<String> servicesLogging(List<String> output, String traceId) {
		Set<String> services = new TreeSet<>();
		for (String line : output) {
			if (!line.startsWith("{") || !line.contains(traceId)) {
				continue;
			}
			JsonNode entry = JSON.readTree(line);
			String logger = entry.path("log").path("logger").asString(entry.path("log.logger").asString(""));
			boolean inTrace = entry.path("traceId").asString("").equals(traceId)
					|| entry.path("trace").path("id").asString("").equals(traceId)
					|| entry.path("trace.id").asString("").equals(traceId);
			Matcher service = HUB_LOGGER.matcher(logger);
			if (inTrace && service.lookingAt()) {
				services.add(service.group(1));
			}
		}
		return services;
	}

	private static String hex(int bytes) {
		byte[] random = new byte[bytes];
		ThreadLocalRandom.current().nextBytes(random);
		return HexFormat.of().formatHex(random);
	}

	private static boolean isEvent(String line, String type) {
		return line.startsWith("[event]") && line.contains(type);
	}

	/** The committed offset of each partition of the returns topic, for a consumer group. */
	private static Map<TopicPartition, Long> committedOffsets(String kafka, String group) throws Exception {
		try (Admin admin = admin(kafka)) {
			Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
				.partitionsToOffsetAndMetadata()
				.get();
			Map<TopicPartition, Long> offsets = new HashMap<>();
			committed.forEach((partition, offset) -> {
				if (partition.topic().equals(Topics.RETURNS) && offset != null) {
					offsets.put(partition, offset.offset());
				}
			});
			return offsets;
		}
	}

	/** The end of each partition of the returns topic that holds records. */
	private static Map<TopicPartition, Long> endOffsets(String kafka) throws Exception {
		try (Admin admin = admin(kafka)) {
			int partitions = admin.describeTopics(List.of(Topics.RETURNS))
				.allTopicNames()
				.get()
				.get(Topics.RETURNS)
				.partitions()
				.size();
			Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
			for (int partition = 0; partition < partitions; partition++) {
				latest.put(new TopicPartition(Topics.RETURNS, partition), OffsetSpec.latest());
			}
			Map<TopicPartition, Long> offsets = new HashMap<>();
			for (Map.Entry<TopicPartition, ListOffsetsResultInfo> end : admin.listOffsets(latest).all().get().entrySet()) {
				if (end.getValue().offset() > 0) {
					offsets.put(end.getKey(), end.getValue().offset());
				}
			}
			return offsets;
		}
	}

	private static Admin admin(String kafka) {
		return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka));
	}

	/** The top-level status of a return (the first "status" member of its JSON). */
	private String status(URI returnUri) throws IOException, InterruptedException {
		HttpResponse<String> response = this.http.send(
				authorized(returnUri),
				HttpResponse.BodyHandlers.ofString());
		Matcher status = STATUS.matcher(response.body());
		return status.find() ? status.group(1) : "none: " + response.statusCode();
	}

	private JsonNode json(URI uri) throws IOException, InterruptedException {
		return json(uri, this.tokens.serviceToken());
	}

	/** The JSON of a GET with this access token; 200 expected. */
	private JsonNode json(URI uri, String token) throws IOException, InterruptedException {
		HttpResponse<String> response = this.http.send(
				request(uri, token),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return JSON.readTree(response.body());
	}

	private int get(URI uri) throws IOException, InterruptedException {
		return get(uri, this.tokens.serviceToken());
	}

	/** The status of a GET with this access token, or none when {@code token} is null. */
	private int get(URI uri, String token) throws IOException, InterruptedException {
		return this.http.send(request(uri, token), HttpResponse.BodyHandlers.discarding()).statusCode();
	}

	/** A GET with the service token: the APIs need it, the sandbox admin API ignores it. */
	private HttpRequest authorized(URI uri) {
		return request(uri, this.tokens.serviceToken());
	}

	private static HttpRequest request(URI uri, String token) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET();
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return request.build();
	}

}
