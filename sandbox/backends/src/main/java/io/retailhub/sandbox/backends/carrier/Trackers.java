package io.retailhub.sandbox.backends.carrier;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.retailhub.sandbox.backends.admin.RecordedEffects;
import io.retailhub.sandbox.backends.carrier.CarrierWebhooks.TrackerChange;
import io.retailhub.sandbox.backends.carrier.Tracker.TrackingDetail;
import io.retailhub.sandbox.backends.carrier.Tracker.TrackingLocation;
import io.retailhub.sandbox.backends.state.SandboxState;

import org.springframework.stereotype.Component;

/**
 * The simulated carrier's trackers: created by the API, moved by the carrier's scans (posted to
 * the admin API, or made by {@link AutoAdvance}), each change announced by webhook
 * ({@code tracker.created}, {@code tracker.updated}).
 *
 * <p>One tracker per tracking code and carrier: creating it again answers the original, as
 * EasyPost does, and announces nothing. A tracker without a carrier is taken to be USPS's (EasyPost
 * detects the carrier from the code; the sandbox does not try).
 *
 * <p>Thread-safe: trackers are immutable and replaced under the store's lock. Every change runs
 * as one change of the {@link SandboxState}, with its webhook event: a snapshot holds both or
 * neither.
 */
@Component
class Trackers implements RecordedEffects {

	static final String TRACKERS_CREATED = "trackers.created";

	static final String SCANS_RECORDED = "scans.recorded";

	/** The longest tracking code taken; real codes have up to 34 characters. */
	static final int MAX_TRACKING_CODE = 64;

	static final int MAX_CARRIER = 50;

	static final String DEFAULT_CARRIER = "USPS";

	/** The estimated delivery date of a new tracker: this many days after it was created. */
	static final int DAYS_TO_DELIVER = 3;

	private final Clock clock;

	private final CarrierWebhooks webhooks;

	private final SandboxState state;

	/** Trackers by ID, in creation order. Guarded by {@code this}. */
	private final Map<String, Tracker> trackers = new LinkedHashMap<>();

	/** Tracker ID by tracking code and carrier ({@link #key}). Guarded by {@code this}. */
	private final Map<String, String> idsByCode = new HashMap<>();

	/** Trackers created and scans recorded since the sandbox started (restored ones not counted). */
	private long created;

	private long scans;

	Trackers(Clock clock, CarrierWebhooks webhooks, SandboxState state) {
		this.clock = clock;
		this.webhooks = webhooks;
		this.state = state;
	}

	/** What creating a tracker came to: the tracker, and whether it is new or the original. */
	record Creation(Tracker tracker, boolean created) {
	}

	/**
	 * The tracker of a tracking code at a carrier, created pre_transit (label created) and
	 * announced, or the one created before.
	 * @param carrier null or blank for USPS
	 * @throws EasyPostException 422 when the tracking code is missing or blank, or a value too long
	 */
	Creation create(String trackingCode, String carrier) {
		if (trackingCode == null || trackingCode.isBlank()) {
			throw EasyPostException.invalidTracker("tracking_code", "must be present");
		}
		String code = trackingCode.strip();
		if (code.length() > MAX_TRACKING_CODE) {
			throw EasyPostException.invalidTracker("tracking_code",
					"must be at most " + MAX_TRACKING_CODE + " characters");
		}
		String at = carrier == null || carrier.isBlank() ? DEFAULT_CARRIER : carrier.strip();
		if (at.length() > MAX_CARRIER) {
			throw EasyPostException.invalidTracker("carrier", "must be at most " + MAX_CARRIER + " characters");
		}
		return state.change(() -> {
			synchronized (this) {
				String existing = idsByCode.get(key(code, at));
				if (existing != null) {
					return new Creation(trackers.get(existing), false);
				}
				Instant now = now();
				Tracker tracker = Tracker.created("trk_" + UUID.randomUUID().toString().replace("-", ""), code, at, now,
						now.truncatedTo(ChronoUnit.DAYS).plus(DAYS_TO_DELIVER, ChronoUnit.DAYS));
				put(tracker);
				created++;
				webhooks.publish(CarrierWebhooks.TRACKER_CREATED, new TrackerChange(tracker, null));
				return new Creation(tracker, true);
			}
		});
	}

	synchronized Optional<Tracker> find(String id) {
		return Optional.ofNullable(trackers.get(id));
	}

	/** Every tracker, oldest first. */
	synchronized List<Tracker> all() {
		return List.copyOf(trackers.values());
	}

	/**
	 * One page of trackers, newest first.
	 * @param trackingCodes only these codes; empty for any
	 * @param carrier only this carrier's (ignoring case); null for any
	 * @param beforeId only trackers created before this one; null to start at the newest
	 */
	synchronized Page page(Set<String> trackingCodes, String carrier, String beforeId, int pageSize) {
		List<Tracker> newestFirst = new ArrayList<>(trackers.values());
		Collections.reverse(newestFirst);
		int start = 0;
		if (beforeId != null) {
			start = newestFirst.size();
			for (int i = 0; i < newestFirst.size(); i++) {
				if (newestFirst.get(i).id().equals(beforeId)) {
					start = i + 1;
					break;
				}
			}
		}
		List<Tracker> matching = newestFirst.subList(start, newestFirst.size())
			.stream()
			.filter(t -> trackingCodes.isEmpty() || trackingCodes.contains(t.trackingCode()))
			.filter(t -> carrier == null || t.carrier().equalsIgnoreCase(carrier))
			.limit(pageSize + 1L)
			.toList();
		return new Page(matching.size() > pageSize ? matching.subList(0, pageSize) : matching,
				matching.size() > pageSize);
	}

	record Page(List<Tracker> trackers, boolean hasMore) {
	}

	/**
	 * One scan by the carrier of a parcel: where and when it was seen, and its status now.
	 * @param statusDetail null for the status's usual detail
	 * @param message null for the status's usual message
	 * @param datetime when the parcel was scanned, null for now
	 */
	record Scan(TrackerStatus status, String statusDetail, String message, Instant datetime, String city,
			String state, String country, String zip) {
	}

	/**
	 * Appends a scan to the tracker of a tracking code, which takes the scan's status, and
	 * announces the change.
	 * @param carrier null when the code is tracked at one carrier only
	 * @throws EasyPostException 404 when no tracker has the code (at that carrier), 422 when
	 * several carriers track it and none was named, 409 when the tracker's status is final
	 */
	Tracker scan(String trackingCode, String carrier, Scan scan) {
		return state.change(() -> {
			synchronized (this) {
				List<Tracker> candidates = trackers.values()
					.stream()
					.filter(t -> t.trackingCode().equals(trackingCode))
					.filter(t -> carrier == null || t.carrier().equalsIgnoreCase(carrier))
					.toList();
				if (candidates.isEmpty()) {
					throw EasyPostException.notFound();
				}
				if (candidates.size() > 1) {
					throw EasyPostException.invalidScan("carrier",
							"tracking code " + trackingCode + " is tracked at several carriers: name one");
				}
				return record(candidates.get(0), scan);
			}
		});
	}

	/**
	 * Moves a tracker one step along the automatic progression, if it is still where the caller
	 * saw it ({@code from}): a scan in between wins.
	 */
	Optional<Tracker> advance(String id, TrackerStatus from) {
		return state.change(() -> {
			synchronized (this) {
				Tracker tracker = trackers.get(id);
				if (tracker == null || tracker.status() != from || from.next().isEmpty()) {
					return Optional.<Tracker>empty();
				}
				TrackerStatus next = from.next().get();
				return Optional.of(record(tracker,
						new Scan(next, null, null, null, null, null, null, null)));
			}
		});
	}

	private Tracker record(Tracker tracker, Scan scan) {
		if (tracker.finalized()) {
			throw EasyPostException.finalized(tracker);
		}
		Instant now = now();
		TrackerStatus status = scan.status();
		TrackingDetail detail = new TrackingDetail(TrackingDetail.OBJECT,
				scan.message() != null ? scan.message() : status.defaultMessage(), null, status,
				scan.statusDetail() != null ? scan.statusDetail() : status.defaultDetail(),
				scan.datetime() != null ? scan.datetime() : now, tracker.carrier(), null,
				new TrackingLocation(TrackingLocation.OBJECT, scan.city(), scan.state(), scan.country(), scan.zip()));
		Tracker scanned = tracker.scanned(detail, now);
		put(scanned);
		scans++;
		webhooks.publish(CarrierWebhooks.TRACKER_UPDATED, new TrackerChange(scanned, tracker.status()));
		return scanned;
	}

	/** Puts saved trackers back, oldest first. No webhook: each change was announced when it happened. */
	synchronized void restore(List<Tracker> saved) {
		saved.forEach(this::put);
	}

	private void put(Tracker tracker) {
		trackers.put(tracker.id(), tracker);
		idsByCode.put(key(tracker.trackingCode(), tracker.carrier()), tracker.id());
	}

	private static String key(String trackingCode, String carrier) {
		return trackingCode + "\n" + carrier.toUpperCase(Locale.ROOT);
	}

	private Instant now() {
		return clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

	@Override
	public String backend() {
		return "carrier";
	}

	/** Trackers created and scans recorded, and the webhook deliveries that announced them, since the sandbox started. */
	@Override
	public synchronized Map<String, Long> counts() {
		Map<String, Long> counts = new LinkedHashMap<>();
		counts.put(TRACKERS_CREATED, created);
		counts.put(SCANS_RECORDED, scans);
		counts.putAll(webhooks.counts());
		return counts;
	}
}
