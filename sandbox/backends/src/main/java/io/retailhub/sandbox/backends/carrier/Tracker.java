package io.retailhub.sandbox.backends.carrier;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import tools.jackson.databind.PropertyNamingStrategies.SnakeCaseStrategy;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * An EasyPost Tracker as the API answers it (snake_case, {@code object} in PascalCase), and as the
 * sandbox's snapshot keeps it. Immutable: a scan makes a new one.
 *
 * @param trackingDetails every scan so far, oldest first
 * @param finalized whether the status is terminal: the carrier sends nothing more
 */
@JsonNaming(SnakeCaseStrategy.class)
@JsonPropertyOrder({ "id", "object", "mode", "tracking_code", "status", "status_detail" })
record Tracker(String id, String object, String mode, String trackingCode, TrackerStatus status,
		String statusDetail, String signedBy, Double weight, Instant estDeliveryDate, String shipmentId,
		String carrier, List<TrackingDetail> trackingDetails, CarrierDetail carrierDetail, boolean finalized,
		boolean isReturn, String publicUrl, Instant createdAt, Instant updatedAt) {

	static final String OBJECT = "Tracker";

	static final String MODE = "test";

	Tracker {
		trackingDetails = List.copyOf(trackingDetails);
	}

	/** A tracker as the carrier first reports it: the label is created, nothing has moved yet. */
	static Tracker created(String id, String trackingCode, String carrier, Instant now, Instant estDeliveryDate) {
		TrackingDetail first = new TrackingDetail(TrackingDetail.OBJECT, TrackerStatus.PRE_TRANSIT.defaultMessage(),
				null, TrackerStatus.PRE_TRANSIT, TrackerStatus.PRE_TRANSIT.defaultDetail(), now, carrier, null,
				TrackingLocation.unknown());
		return new Tracker(id, OBJECT, MODE, trackingCode, TrackerStatus.PRE_TRANSIT,
				TrackerStatus.PRE_TRANSIT.defaultDetail(), null, null, estDeliveryDate, null, carrier, List.of(first),
				CarrierDetail.EMPTY, false, false, "https://track.easypost.com/" + id, now, now);
	}

	/** This tracker after one more scan: its status and detail become the scan's. */
	Tracker scanned(TrackingDetail scan, Instant now) {
		List<TrackingDetail> details = new ArrayList<>(trackingDetails);
		details.add(scan);
		return new Tracker(id, object, mode, trackingCode, scan.status(), scan.statusDetail(), signedBy, weight,
				estDeliveryDate, shipmentId, carrier, details, carrierDetail, scan.status().terminal(), isReturn,
				publicUrl, createdAt, now);
	}

	/** One scan: {@code {"object":"TrackingDetail","message","description","status",...}}. */
	@JsonNaming(SnakeCaseStrategy.class)
	record TrackingDetail(String object, String message, String description, TrackerStatus status,
			String statusDetail, Instant datetime, String source, String carrierCode,
			TrackingLocation trackingLocation) {

		static final String OBJECT = "TrackingDetail";
	}

	/** Where a scan happened; every part may be null. */
	@JsonNaming(SnakeCaseStrategy.class)
	record TrackingLocation(String object, String city, String state, String country, String zip) {

		static final String OBJECT = "TrackingLocation";

		static TrackingLocation unknown() {
			return new TrackingLocation(OBJECT, null, null, null, null);
		}
	}

	/** What the carrier says of the service; the sandbox knows none of it. */
	@JsonNaming(SnakeCaseStrategy.class)
	record CarrierDetail(String object, String service, String containerType, String estDeliveryDateLocal,
			String estDeliveryTimeLocal, String originLocation, String destinationLocation,
			Instant guaranteedDeliveryDate, Instant initialDeliveryAttempt) {

		static final CarrierDetail EMPTY = new CarrierDetail("CarrierDetail", null, null, null, null, null, null,
				null, null);
	}
}
