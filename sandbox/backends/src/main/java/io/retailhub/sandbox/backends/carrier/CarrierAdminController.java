package io.retailhub.sandbox.backends.carrier;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.retailhub.sandbox.backends.carrier.Trackers.Scan;
import io.retailhub.sandbox.backends.webhooks.WebhookDispatcher.DeliveryView;

import org.springframework.boot.convert.DurationStyle;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The carrier's admin API, for people and tests (camelCase; refusals in EasyPost's error envelope,
 * as the carrier's own API answers them):
 * <ul>
 * <li>{@code POST /admin/carrier/trackers/{trackingCode}/scans {"status":"in_transit","statusDetail":"departed_facility","city":"Memphis"}}:
 * the carrier scans the parcel (members but {@code status} optional: {@code statusDetail},
 * {@code message}, {@code datetime}, {@code city}, {@code state}, {@code country}, {@code zip}, and
 * {@code carrier} when several carriers track the code); answers the Tracker;</li>
 * <li>{@code PUT /admin/carrier/webhooks {"url":"...","secret":"..."}} subscribes (the secret
 * defaults to the configured one), {@code DELETE} unsubscribes, {@code GET} shows the
 * subscription; {@code GET /admin/carrier/webhooks/deliveries}: the delivery log;</li>
 * <li>{@code PUT /admin/carrier/auto-advance {"after":"20s"}} ({@code "0s"} = off).</li>
 * </ul>
 */
@RestController
@RequestMapping("/admin/carrier")
class CarrierAdminController {

	private final Trackers trackers;

	private final CarrierWebhooks webhooks;

	private final AutoAdvance autoAdvance;

	CarrierAdminController(Trackers trackers, CarrierWebhooks webhooks, AutoAdvance autoAdvance) {
		this.trackers = trackers;
		this.webhooks = webhooks;
		this.autoAdvance = autoAdvance;
	}

	@PostMapping("/trackers/{trackingCode}/scans")
	Tracker scan(@PathVariable String trackingCode, @RequestBody ScanRequest request) {
		if (request.status() == null || request.status().isBlank()) {
			throw EasyPostException.invalidScan("status", "must be present");
		}
		TrackerStatus status = TrackerStatus.of(request.status())
			.orElseThrow(() -> EasyPostException.invalidScan("status",
					"'" + request.status() + "' is not a tracker status"));
		return trackers.scan(trackingCode, blankToNull(request.carrier()),
				new Scan(status, blankToNull(request.statusDetail()), blankToNull(request.message()),
						request.datetime(), request.city(), request.state(), request.country(), request.zip()));
	}

	@GetMapping("/webhooks")
	SubscriptionResponse subscription() {
		return SubscriptionResponse.of(webhooks);
	}

	@PutMapping("/webhooks")
	SubscriptionResponse subscribe(@RequestBody SubscriptionRequest request) {
		if (request.url() == null || request.url().isBlank()) {
			throw EasyPostException.invalidParameter("url", "must be present");
		}
		try {
			webhooks.subscribe(request.url(), request.secret());
		}
		catch (IllegalArgumentException ex) {
			throw EasyPostException.invalidParameter("url", ex.getMessage());
		}
		return SubscriptionResponse.of(webhooks);
	}

	@DeleteMapping("/webhooks")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void unsubscribe() {
		webhooks.unsubscribe();
	}

	@GetMapping("/webhooks/deliveries")
	List<DeliveryView> deliveries() {
		return webhooks.deliveries();
	}

	@GetMapping("/auto-advance")
	AutoAdvanceResponse autoAdvance() {
		return AutoAdvanceResponse.of(autoAdvance.after());
	}

	@PutMapping("/auto-advance")
	AutoAdvanceResponse autoAdvance(@RequestBody AutoAdvanceRequest request) {
		Duration after;
		try {
			after = DurationStyle.detectAndParse(request.after() == null ? "" : request.after());
			autoAdvance.after(after);
		}
		catch (IllegalArgumentException ex) {
			throw EasyPostException.invalidParameter("after", "must be a duration such as 20s, 500ms or PT20S");
		}
		return AutoAdvanceResponse.of(autoAdvance.after());
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	record ScanRequest(String status, String statusDetail, String message, Instant datetime, String carrier,
			String city, String state, String country, String zip) {
	}

	record SubscriptionRequest(String url, String secret) {
	}

	/** The subscription without its secret; {@code url} is null when nobody is subscribed. */
	record SubscriptionResponse(String url, String retryInitialBackoff, String retryMaxAge) {

		static SubscriptionResponse of(CarrierWebhooks webhooks) {
			return new SubscriptionResponse(webhooks.subscription().map(s -> s.url().toString()).orElse(null),
					webhooks.retry().initialBackoff().toString(), webhooks.retry().maxAge().toString());
		}
	}

	record AutoAdvanceRequest(String after) {
	}

	/** {@code after} as ISO-8601, {@code PT0S} when off. */
	record AutoAdvanceResponse(String after, boolean enabled) {

		static AutoAdvanceResponse of(Duration after) {
			return new AutoAdvanceResponse(after.toString(), !after.isZero());
		}
	}
}
