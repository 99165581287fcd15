package io.retailhub.sandbox.backends.carrier;

import java.util.Arrays;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A tracker's status as EasyPost spells it ({@code cancelled} with two l), with the
 * {@code status_detail} and message a scan of that status gets when it names none. A tracker in
 * a terminal status takes no more scans.
 */
enum TrackerStatus {

	UNKNOWN("unknown", "unknown", "Unknown", false),

	PRE_TRANSIT("pre_transit", "label_created", "Pre-Shipment Info Sent to Carrier", false),

	IN_TRANSIT("in_transit", "in_transit", "In Transit", false),

	OUT_FOR_DELIVERY("out_for_delivery", "out_for_delivery", "Out for Delivery", false),

	AVAILABLE_FOR_PICKUP("available_for_pickup", "arrived_at_pickup_location", "Available for Pickup", false),

	DELIVERED("delivered", "arrived_at_destination", "Delivered", true),

	RETURN_TO_SENDER("return_to_sender", "return", "Returned to Sender", true),

	FAILURE("failure", "failure", "Delivery Failure", true),

	CANCELLED("cancelled", "cancelled", "Cancelled", true),

	ERROR("error", "unknown", "Error", true);

	private final String wire;

	private final String defaultDetail;

	private final String defaultMessage;

	private final boolean terminal;

	TrackerStatus(String wire, String defaultDetail, String defaultMessage, boolean terminal) {
		this.wire = wire;
		this.defaultDetail = defaultDetail;
		this.defaultMessage = defaultMessage;
		this.terminal = terminal;
	}

	@JsonValue
	String wire() {
		return wire;
	}

	String defaultDetail() {
		return defaultDetail;
	}

	String defaultMessage() {
		return defaultMessage;
	}

	boolean terminal() {
		return terminal;
	}

	/** The next step of the automatic progression pre_transit, in_transit, out_for_delivery, delivered. */
	Optional<TrackerStatus> next() {
		return switch (this) {
			case PRE_TRANSIT -> Optional.of(IN_TRANSIT);
			case IN_TRANSIT -> Optional.of(OUT_FOR_DELIVERY);
			case OUT_FOR_DELIVERY -> Optional.of(DELIVERED);
			default -> Optional.empty();
		};
	}

	static Optional<TrackerStatus> of(String wire) {
		return Arrays.stream(values()).filter(s -> s.wire.equals(wire)).findFirst();
	}
}
