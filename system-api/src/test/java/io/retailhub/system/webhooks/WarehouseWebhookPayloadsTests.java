package io.retailhub.system.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import io.retailhub.contracts.events.ReturnReceived;
import io.retailhub.contracts.problems.FieldError;
import io.retailhub.system.webhooks.WarehouseWebhookPayloads.Event;
import io.retailhub.system.webhooks.WarehouseWebhookPayloads.Receipt;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

class WarehouseWebhookPayloadsTests {

	/** As strict as the system API's own mapper: unknown members fail unless the record says otherwise. */
	private final JsonMapper json = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

	private static final Instant NOW = Instant.parse("2026-03-20T10:15:01Z");

	@Test
	void readsAReceiptIgnoringMembersTheHubDoesNotUse() {
		Event event = read(WmsWebhooks.receiptCreated("evt_1", "60000123", "WEB-100042", 2));

		Receipt receipt = event.receipt(json);
		ReturnReceived received = receipt.toEvent(NOW);

		assertThat(event.id()).isEqualTo("evt_1");
		assertThat(event.type()).isEqualTo("return_receipt.created");
		assertThat(receipt.sequence()).isEqualTo(2);
		assertThat(received.rmaNumber().value()).isEqualTo("60000123");
		assertThat(received.orderId().value()).isEqualTo("WEB-100042");
		assertThat(received.aggregate()).isEqualTo("rmas/60000123");
		assertThat(received.occurredAt()).isEqualTo(NOW);
		assertThat(received.lines().get(0).quantityDamaged()).isEqualTo(1);
	}

	@Test
	void leavesTheWarehouseOutWhenTheWmsDidNotSay() {
		String body = WmsWebhooks.receiptCreated("evt_2", "60000124", "WEB-100042", 1)
			.replace("\"warehouse_id\":\"DC-EAST\"", "\"warehouse_id\":null");

		assertThat(read(body).receipt(json).toEvent(NOW).warehouseId()).isNull();
	}

	@Test
	void refusesMoreDamagedAndRejectedUnitsThanReceived() {
		String body = WmsWebhooks.receiptCreated("evt_3", "60000125", "WEB-100042", 1)
			.replace("\"quantity_rejected\":0", "\"quantity_rejected\":2");

		MalformedWebhookException refused = catchThrowableOfType(MalformedWebhookException.class,
				() -> read(body).receipt(json).toEvent(NOW));

		assertThat(refused.errors()).extracting(FieldError::field).containsExactly("data");
	}

	@Test
	void namesAMemberOfTheWrongTypeAsTheWmsSpellsIt() {
		String body = WmsWebhooks.receiptCreated("evt_4", "60000126", "WEB-100042", 1)
			.replace("\"received_at\":\"2026-03-20T10:14:59Z\"", "\"received_at\":\"yesterday\"");

		MalformedWebhookException refused = catchThrowableOfType(MalformedWebhookException.class,
				() -> read(body).receipt(json));

		assertThat(refused.errors()).extracting(FieldError::field).containsExactly("data.received_at");
	}

	@Test
	void refusesAnEventWithoutIdOrType() {
		MalformedWebhookException refused = catchThrowableOfType(MalformedWebhookException.class,
				() -> read("{\"data\":{}}"));

		assertThat(refused.errors()).extracting(FieldError::field).containsExactly("id", "type");
	}

	@Test
	void refusesIdentifiersOutsideTheIdentifierAlphabetNamingThem() {
		String body = WmsWebhooks.receiptCreated("evt_5", "60000..127", "WEB-100042", 1)
			.replace("\"sku\":\"MAT-1001\"", "\"sku\":\"MAT\\u00071001\"")
			.replace("\"receipt_id\":\"RCPT-evt_5\"", "\"receipt_id\":\"" + "R".repeat(10_000) + "\"");

		MalformedWebhookException refused = catchThrowableOfType(MalformedWebhookException.class,
				() -> read(body).receipt(json));

		assertThat(refused.errors()).extracting(FieldError::field)
			.containsExactly("data.receipt_id", "data.rma_number", "data.lines[0].sku");
	}

	@Test
	void refusesAnEventIdThatCouldForgeLogLines() {
		MalformedWebhookException refused = catchThrowableOfType(MalformedWebhookException.class,
				() -> read(WmsWebhooks.receiptCreated("evt_6\\nINFO forged", "60000128", "WEB-100042", 1)));

		assertThat(refused.errors()).extracting(FieldError::field).containsExactly("id");
	}

	@Test
	void refusesAMemberGivenTwiceRatherThanKeepingTheLast() {
		String body = WmsWebhooks.receiptCreated("evt_7", "60000129", "WEB-100042", 1)
			.replace("\"rma_number\":\"60000129\"", "\"rma_number\":\"60000129\",\"rma_number\":\"60000130\"");

		assertThatThrownBy(() -> WarehouseWebhookPayloads.event(WarehouseWebhookPayloads.reader(json),
				body.getBytes(StandardCharsets.UTF_8)))
			.isInstanceOf(MalformedWebhookException.class)
			.hasMessageContaining("names a member twice");
	}

	@Test
	void derivesOneEventIdPerWmsEventWhateverTheInstance() {
		assertThat(WarehouseWebhookManagement.eventId("evt_1"))
			.isEqualTo(UUID.nameUUIDFromBytes("warehouse:evt_1".getBytes(StandardCharsets.UTF_8)))
			.isNotEqualTo(WarehouseWebhookManagement.eventId("evt_2"));
	}

	private Event read(String body) {
		return WarehouseWebhookPayloads.event(json, body.getBytes(StandardCharsets.UTF_8));
	}
}
