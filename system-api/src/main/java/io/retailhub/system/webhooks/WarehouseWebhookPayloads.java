package io.retailhub.system.webhooks;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.retailhub.contracts.Identifiers;
import io.retailhub.contracts.OrderId;
import io.retailhub.contracts.ReturnAuthorizationId;
import io.retailhub.contracts.Sku;
import io.retailhub.contracts.events.ReturnReceived;
import io.retailhub.contracts.problems.FieldError;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies.SnakeCaseStrategy;
import tools.jackson.databind.annotation.JsonNaming;
import tools.jackson.databind.json.JsonMapper;

/**
 * The WMS's webhook events as the hub reads them: {@code {"id","type","created_at","data"}},
 * snake_case, members the hub does not use ignored (the WMS may add some). Only
 * {@value #RETURN_RECEIPT_CREATED} is read further; its {@code data} is the receipt with its
 * per-RMA {@code sequence} and the RMA's running totals per order line.
 */
final class WarehouseWebhookPayloads {

	static final String RETURN_RECEIPT_CREATED = "return_receipt.created";

	/** An order's item number, as the event language allows it. */
	private static final int MAX_LINE_NUMBER_LENGTH = 6;

	/** The WMS's event ID: the redelivery key, logged and echoed, so an identifier too. */
	private static final int MAX_EVENT_ID_LENGTH = 255;

	private static final int MAX_TYPE_LENGTH = 100;

	private WarehouseWebhookPayloads() {
	}

	/** The application's mapper, refusing members that appear twice instead of keeping the last. */
	static JsonMapper reader(JsonMapper json) {
		return json.rebuild().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
	}

	/**
	 * Reads the envelope; the data stays a tree until the type is known.
	 * @param json a mapper that refuses duplicate members ({@link #reader}): a signed body must
	 * mean one thing
	 * @throws MalformedWebhookException when the body is not a JSON object with an id and a type
	 */
	static Event event(JsonMapper json, byte[] body) {
		JsonNode root;
		try {
			root = json.readTree(body);
		}
		catch (JacksonException ex) {
			throw new MalformedWebhookException("The webhook body is not JSON, or names a member twice.", List.of());
		}
		if (root == null || !root.isObject()) {
			throw new MalformedWebhookException("The webhook body is not a JSON object.", List.of());
		}
		List<FieldError> errors = new ArrayList<>();
		String id = text(root, "id", errors);
		String type = text(root, "type", errors);
		identifier(id, "id", MAX_EVENT_ID_LENGTH, errors);
		identifier(type, "type", MAX_TYPE_LENGTH, errors);
		if (!errors.isEmpty()) {
			throw new MalformedWebhookException("The webhook event lacks a readable id or type.", errors);
		}
		return new Event(id, type, root.path("data"));
	}

	/** A webhook event: its ID (the redelivery key), type and the data, not yet read. */
	record Event(String id, String type, JsonNode data) {

		/**
		 * The receipt of a {@value #RETURN_RECEIPT_CREATED} event.
		 * @throws MalformedWebhookException naming every member missing or invalid
		 */
		Receipt receipt(JsonMapper json) {
			if (!data.isObject()) {
				throw new MalformedWebhookException("The event has no data object.",
						List.of(new FieldError("data", "is required")));
			}
			ReceiptData receipt;
			try {
				receipt = json.treeToValue(data, ReceiptData.class);
			}
			catch (JacksonException ex) {
				throw new MalformedWebhookException("The event data could not be read.",
						List.of(new FieldError(path(ex), "has an invalid value")));
			}
			return receipt.validated();
		}
	}

	/** A receipt read and checked: the event it becomes, and its position in the RMA's sequence. */
	record Receipt(long sequence, ReceiptData data) {

		ReturnReceived toEvent(Instant occurredAt) {
			try {
				return new ReturnReceived(ReturnAuthorizationId.of(data.rmaNumber()), OrderId.of(data.orderNumber()),
						data.receiptId(), data.warehouseId() == null || data.warehouseId().isBlank() ? null
								: data.warehouseId(),
						data.lines()
							.stream()
							.map(l -> new ReturnReceived.Line(l.lineNumber(), Sku.of(l.sku()), l.quantityExpected(),
									l.quantityReceived(), l.quantityDamaged(), l.quantityRejected()))
							.toList(),
						data.receivedAt(), occurredAt);
			}
			catch (IllegalArgumentException ex) {
				throw new MalformedWebhookException("The receipt is not a valid receipt.",
						List.of(new FieldError("data", ex.getMessage())));
			}
		}
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	@JsonNaming(SnakeCaseStrategy.class)
	record ReceiptData(String receiptId, String rmaNumber, String orderNumber, String warehouseId, Instant receivedAt,
			Long sequence, List<ReceiptLine> lines) {

		Receipt validated() {
			List<FieldError> errors = new ArrayList<>();
			required(receiptId, "data.receipt_id", errors);
			required(rmaNumber, "data.rma_number", errors);
			required(orderNumber, "data.order_number", errors);
			identifier(receiptId, "data.receipt_id", Identifiers.MAX_LENGTH, errors);
			identifier(rmaNumber, "data.rma_number", Identifiers.MAX_LENGTH, errors);
			identifier(orderNumber, "data.order_number", Identifiers.MAX_LENGTH, errors);
			identifier(warehouseId, "data.warehouse_id", Identifiers.MAX_LENGTH, errors);
			if (receivedAt == null) {
				errors.add(new FieldError("data.received_at", "is required"));
			}
			if (sequence == null || sequence < 1) {
				errors.add(new FieldError("data.sequence", "must be a positive number"));
			}
			if (lines == null || lines.isEmpty()) {
				errors.add(new FieldError("data.lines", "must hold at least one line"));
			}
			else {
				for (int i = 0; i < lines.size(); i++) {
					ReceiptLine line = lines.get(i);
					String path = "data.lines[" + i + "]";
					if (line == null) {
						errors.add(new FieldError(path, "is required"));
						continue;
					}
					required(line.lineNumber(), path + ".line_number", errors);
					identifier(line.lineNumber(), path + ".line_number", MAX_LINE_NUMBER_LENGTH, errors);
					required(line.sku(), path + ".sku", errors);
					identifier(line.sku(), path + ".sku", Identifiers.MAX_LENGTH, errors);
					quantity(line.quantityExpected(), path + ".quantity_expected", errors);
					quantity(line.quantityReceived(), path + ".quantity_received", errors);
					quantity(line.quantityDamaged(), path + ".quantity_damaged", errors);
					quantity(line.quantityRejected(), path + ".quantity_rejected", errors);
				}
			}
			if (!errors.isEmpty()) {
				throw new MalformedWebhookException("The receipt lacks members or has invalid ones.", errors);
			}
			return new Receipt(sequence, this);
		}
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	@JsonNaming(SnakeCaseStrategy.class)
	record ReceiptLine(String lineNumber, String sku, Integer quantityExpected, Integer quantityReceived,
			Integer quantityDamaged, Integer quantityRejected) {
	}

	private static String text(JsonNode node, String member, List<FieldError> errors) {
		JsonNode value = node.path(member);
		if (!value.isString() || value.stringValue().isBlank()) {
			errors.add(new FieldError(member, "is required"));
			return null;
		}
		return value.stringValue();
	}

	/** A value given (blank ones are {@link #required}'s to report) must be an identifier of at most {@code max}. */
	private static void identifier(String value, String path, int max, List<FieldError> errors) {
		if (value != null && !value.isBlank() && !Identifiers.isValid(value, max)) {
			errors.add(new FieldError(path, Identifiers.PATTERN_MESSAGE + ", at most " + max + " characters"));
		}
	}

	private static void required(String value, String path, List<FieldError> errors) {
		if (value == null || value.isBlank()) {
			errors.add(new FieldError(path, "is required"));
		}
	}

	private static void quantity(Integer value, String path, List<FieldError> errors) {
		if (value == null || value < 0) {
			errors.add(new FieldError(path, "must be a number of units, zero or more"));
		}
	}

	/** {@code data.lines[0].quantity_received}, as the WMS named it. */
	private static String path(JacksonException ex) {
		StringBuilder path = new StringBuilder("data");
		for (JacksonException.Reference ref : ex.getPath()) {
			if (ref.getPropertyName() != null) {
				path.append('.').append(ref.getPropertyName());
			}
			else if (ref.getIndex() >= 0) {
				path.append('[').append(ref.getIndex()).append(']');
			}
		}
		return path.toString();
	}
}
