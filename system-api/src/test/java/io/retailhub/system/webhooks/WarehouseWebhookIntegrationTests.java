package io.retailhub.system.webhooks;

import static io.retailhub.system.support.SystemApiHttp.jsonOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.retailhub.contracts.Sku;
import io.retailhub.contracts.events.CloudEventHeaders;
import io.retailhub.contracts.events.EventSchemaValidator;
import io.retailhub.contracts.events.EventType;
import io.retailhub.contracts.events.ReturnReceived;
import io.retailhub.sandbox.infra.SharedInfrastructure;
import io.retailhub.system.support.SystemApiIntegrationTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * {@code POST /api/system/v1/webhooks/warehouse} over HTTP with webhooks the test writes and
 * signs itself, and what reaches the shared Kafka broker. "Nothing published" is proven with a
 * marker: a valid webhook for the same order (so the same partition) sent afterwards; once the
 * marker is read, anything the refused webhook had published would have been read before it.
 */
@SystemApiIntegrationTest
class WarehouseWebhookIntegrationTests {

	static final String PROBLEMS = "https://retailhub.io/problems/";

	@LocalServerPort
	int port;

	@Autowired
	MeterRegistry meters;

	final JsonMapper json = JsonMapper.shared();

	ReturnsTopic topic;

	@BeforeEach
	void read() {
		topic = ReturnsTopic.fromNow();
	}

	@AfterEach
	void close() {
		topic.close();
	}

	@Test
	void publishesReturnReceivedKeyedByOrderWithItsCloudEventsHeaders() {
		// given a signed receipt, the third for its RMA
		String webhookId = WmsWebhooks.eventId();
		String rma = WmsWebhooks.rmaNumber();
		String body = WmsWebhooks.receiptCreated(webhookId, rma, "WEB-100042", 3);

		// when
		ResponseEntity<String> answer = post(body, WmsWebhooks.signature(body), "wms-corr-1");

		// then the WMS is told it was published, under the event ID derived from its own
		String expectedId = UUID.nameUUIDFromBytes(("warehouse:" + webhookId).getBytes(StandardCharsets.UTF_8))
			.toString();
		assertThat(answer.getStatusCode().value()).isEqualTo(200);
		assertThat(jsonOf(answer)).isEqualTo(json.readTree("""
				{"webhookId":"%s","outcome":"published","eventId":"%s"}""".formatted(webhookId, expectedId)));

		// and the event is on retail.returns.v1, keyed by order, in CloudEvents binary mode
		ConsumerRecord<String, byte[]> record = topic.awaitEvent(expectedId);
		assertThat(record.key()).isEqualTo("WEB-100042");
		assertThat(header(record, CloudEventHeaders.SPEC_VERSION)).isEqualTo("1.0");
		assertThat(header(record, CloudEventHeaders.TYPE)).isEqualTo("io.retailhub.return.received.v1");
		assertThat(header(record, CloudEventHeaders.SOURCE)).isEqualTo("/retail-hub/system-api");
		assertThat(header(record, CloudEventHeaders.SUBJECT)).isEqualTo("rmas/" + rma);
		assertThat(header(record, CloudEventHeaders.SEQUENCE)).isEqualTo("0000000000000000003");
		assertThat(header(record, CloudEventHeaders.CORRELATION_ID)).isEqualTo("wms-corr-1");
		assertThat(header(record, CloudEventHeaders.DATA_SCHEMA)).isEqualTo(EventType.RETURN_RECEIVED.schemaId().toString());
		assertThat(header(record, CloudEventHeaders.CONTENT_TYPE)).isEqualTo("application/json");
		EventSchemaValidator.instance().assertConforms(header(record, CloudEventHeaders.TYPE), record.value());
		ReturnReceived event = json.readValue(record.value(), ReturnReceived.class);
		assertThat(header(record, CloudEventHeaders.TIME)).isEqualTo(CloudEventHeaders.time(event.occurredAt()));
		assertThat(event.rmaNumber().value()).isEqualTo(rma);
		assertThat(event.receiptId()).isEqualTo("RCPT-" + webhookId);
		assertThat(event.warehouseId()).isEqualTo("DC-EAST");
		assertThat(event.receivedAt()).isEqualTo(Instant.parse("2026-03-20T10:14:59Z"));
		assertThat(event.lines()).containsExactly(
				new ReturnReceived.Line("10", Sku.of("MAT-1001"), 2, 2, 1, 0));
	}

	@Test
	void refusesAWrongSignatureWith401AndPublishesNothing() {
		String webhookId = WmsWebhooks.eventId();
		String body = WmsWebhooks.receiptCreated(webhookId, WmsWebhooks.rmaNumber(), "WEB-100043", 1);
		double before = signatureFailures("mismatch");

		ResponseEntity<String> answer = post(body, WmsWebhooks.signature("whsec_guessed", Instant.now(), body), null);

		assertUnauthorized(answer, "No signature matches the request body.");
		assertThat(signatureFailures("mismatch")).isEqualTo(before + 1);
		assertNothingPublishedFor(webhookId, "WEB-100043");
	}

	@Test
	void refusesAMissingSignatureWith401AndPublishesNothing() {
		String webhookId = WmsWebhooks.eventId();
		String body = WmsWebhooks.receiptCreated(webhookId, WmsWebhooks.rmaNumber(), "WEB-100044", 1);
		double before = signatureFailures("missing");

		ResponseEntity<String> answer = post(body, null, null);

		assertUnauthorized(answer, "The request has no signature header.");
		assertThat(signatureFailures("missing")).isEqualTo(before + 1);
		assertNothingPublishedFor(webhookId, "WEB-100044");
	}

	@Test
	void refusesASignatureOlderOrNewerThanFiveMinutes() {
		String webhookId = WmsWebhooks.eventId();
		String body = WmsWebhooks.receiptCreated(webhookId, WmsWebhooks.rmaNumber(), "WEB-100045", 1);
		double before = signatureFailures("stale");

		ResponseEntity<String> old = post(body,
				WmsWebhooks.signature(WmsWebhooks.SECRET, Instant.now().minus(Duration.ofMinutes(6)), body), null);
		ResponseEntity<String> future = post(body,
				WmsWebhooks.signature(WmsWebhooks.SECRET, Instant.now().plus(Duration.ofMinutes(6)), body), null);

		assertUnauthorized(old, "The signature's timestamp is outside the tolerated window.");
		assertUnauthorized(future, "The signature's timestamp is outside the tolerated window.");
		assertThat(signatureFailures("stale")).isEqualTo(before + 2);
		assertNothingPublishedFor(webhookId, "WEB-100045");
	}

	@Test
	void refusesABodyChangedAfterSigningAndAMalformedHeader() {
		String webhookId = WmsWebhooks.eventId();
		String body = WmsWebhooks.receiptCreated(webhookId, WmsWebhooks.rmaNumber(), "WEB-100046", 1);
		String signature = WmsWebhooks.signature(body);

		ResponseEntity<String> tampered = post(body.replace("\"quantity_received\":2", "\"quantity_received\":9"),
				signature, null);
		ResponseEntity<String> garbled = post(body, "v1=abc", null);

		assertUnauthorized(tampered, "No signature matches the request body.");
		assertUnauthorized(garbled,
				"The signature header is not of the form t=<unix seconds>,v1=<hex HMAC-SHA256>.");
		assertNothingPublishedFor(webhookId, "WEB-100046");
	}

	@Test
	void refusesASignedBodyThatIsNotJsonWith400() {
		String body = "this is not json";

		ResponseEntity<String> answer = post(body, WmsWebhooks.signature(body), null);

		assertThat(answer.getStatusCode().value()).isEqualTo(400);
		assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(jsonOf(answer).path("type").asString()).isEqualTo(PROBLEMS + "malformed-request");
	}

	@Test
	void refusesASignedReceiptLackingWhatItMustCarryNamingTheMembers() {
		String webhookId = WmsWebhooks.eventId();
		String body = """
				{"id":"%s","type":"return_receipt.created","created_at":"2026-03-20T10:15:00Z",
				 "data":{"receipt_id":"RCPT-1","order_number":"WEB-100047","received_at":"2026-03-20T10:14:59Z",
				  "lines":[{"line_number":"10","sku":"MAT-1001","quantity_expected":1,"quantity_received":-1,
				   "quantity_damaged":0,"quantity_rejected":0}]}}""".formatted(webhookId);

		ResponseEntity<String> answer = post(body, WmsWebhooks.signature(body), null);

		assertThat(answer.getStatusCode().value()).isEqualTo(400);
		JsonNode problem = jsonOf(answer);
		assertThat(problem.path("type").asString()).isEqualTo(PROBLEMS + "invalid-request");
		assertThat(problem.path("errors").findValuesAsString("field")).containsExactly("data.rma_number",
				"data.sequence", "data.lines[0].quantity_received");
		assertThat(problem.path("correlationId").asString()).isNotBlank();
		assertNothingPublishedFor(webhookId, "WEB-100047");
	}

	@Test
	void acknowledgesAnEventTypeItDoesNotUseAndPublishesNothing() {
		String webhookId = WmsWebhooks.eventId();
		String body = """
				{"id":"%s","type":"shipment.dispatched","created_at":"2026-03-20T10:15:00Z",
				 "data":{"shipment_id":"SHP-1","order_number":"WEB-100048"}}""".formatted(webhookId);

		ResponseEntity<String> answer = post(body, WmsWebhooks.signature(body), null);

		assertThat(answer.getStatusCode().value()).isEqualTo(200);
		assertThat(jsonOf(answer)).isEqualTo(json.readTree("""
				{"webhookId":"%s","outcome":"ignored"}""".formatted(webhookId)));
		assertNothingPublishedFor(webhookId, "WEB-100048");
	}

	@Test
	void publishesARedeliveredWebhookOnlyOnce() {
		// given a receipt published once
		String webhookId = WmsWebhooks.eventId();
		String body = WmsWebhooks.receiptCreated(webhookId, WmsWebhooks.rmaNumber(), "WEB-100049", 1);
		assertThat(post(body, WmsWebhooks.signature(body), null).getStatusCode().value()).isEqualTo(200);

		// when the WMS delivers it again, signed anew
		ResponseEntity<String> again = post(body,
				WmsWebhooks.signature(WmsWebhooks.SECRET, Instant.now().plusSeconds(1), body), null);

		// then it is acknowledged as a duplicate and on Kafka only once
		assertThat(again.getStatusCode().value()).isEqualTo(200);
		assertThat(jsonOf(again).path("outcome").asString()).isEqualTo("duplicate");
		String eventId = jsonOf(again).path("eventId").asString();
		publishMarker("WEB-100049");
		assertThat(topic.read()).filteredOn(r -> eventId.equals(header(r, CloudEventHeaders.ID))).hasSize(1);
	}

	@Test
	void publishesARedeliveryUnderTheSameEventIdAfterARestart() {
		// given a receipt this instance published
		String webhookId = WmsWebhooks.eventId();
		String rma = WmsWebhooks.rmaNumber();
		String body = WmsWebhooks.receiptCreated(webhookId, rma, "WEB-100050", 1);
		post(body, WmsWebhooks.signature(body), null);

		// when a freshly started instance, which remembers nothing, gets the redelivery
		try (AnotherSystemApi restarted = AnotherSystemApi.start(SharedInfrastructure.kafka().bootstrapServers())) {
			ResponseEntity<String> again = WmsWebhooks.deliver(restarted.url(), body, WmsWebhooks.signature(body), null);
			assertThat(jsonOf(again).path("outcome").asString()).isEqualTo("published");
		}

		// then it published again, under the same ce_id, which consumers deduplicate on
		publishMarker("WEB-100050");
		List<String> ids = topic.about("rmas/" + rma).stream().map(r -> header(r, CloudEventHeaders.ID)).toList();
		String expectedId = UUID.nameUUIDFromBytes(("warehouse:" + webhookId).getBytes(StandardCharsets.UTF_8))
			.toString();
		assertThat(ids).containsExactly(expectedId, expectedId);
	}

	private void assertUnauthorized(ResponseEntity<String> answer, String detail) {
		assertThat(answer.getStatusCode().value()).isEqualTo(401);
		assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(answer.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("HMAC-SHA256");
		JsonNode problem = jsonOf(answer);
		assertThat(problem.path("type").asString()).isEqualTo(PROBLEMS + "webhook-signature-invalid");
		assertThat(problem.path("status").asInt()).isEqualTo(401);
		assertThat(problem.path("detail").asString()).isEqualTo(detail);
		assertThat(problem.path("correlationId").asString()).isNotBlank();
	}

	/** Sends a valid receipt for the same order and waits for it: everything before it has been read too. */
	private void publishMarker(String orderNumber) {
		String markerId = WmsWebhooks.eventId();
		String marker = WmsWebhooks.receiptCreated(markerId, WmsWebhooks.rmaNumber(), orderNumber, 1);
		ResponseEntity<String> answer = post(marker, WmsWebhooks.signature(marker), null);
		assertThat(answer.getStatusCode().value()).isEqualTo(200);
		topic.awaitEvent(jsonOf(answer).path("eventId").asString());
	}

	private void assertNothingPublishedFor(String webhookId, String orderNumber) {
		String refusedId = UUID.nameUUIDFromBytes(("warehouse:" + webhookId).getBytes(StandardCharsets.UTF_8))
			.toString();
		publishMarker(orderNumber);
		assertThat(topic.read()).noneMatch(r -> refusedId.equals(header(r, CloudEventHeaders.ID)));
	}

	private double signatureFailures(String reason) {
		Counter counter = meters.find(WarehouseWebhookManagement.SIGNATURE_FAILURES).tag("reason", reason).counter();
		return counter == null ? 0 : counter.count();
	}

	private ResponseEntity<String> post(String body, String signature, String correlationId) {
		return WmsWebhooks.deliver("http://localhost:" + port, body, signature, correlationId);
	}

	private static String header(ConsumerRecord<String, byte[]> record, String name) {
		return ReturnsTopic.header(record, name);
	}
}
