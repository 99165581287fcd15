package io.retailhub.sandbox.backends.carrier;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.retailhub.sandbox.backends.carrier.Trackers.Page;
import tools.jackson.databind.PropertyNamingStrategies.SnakeCaseStrategy;
import tools.jackson.databind.annotation.JsonNaming;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * EasyPost's Trackers API, under {@code /carrier}:
 * <ul>
 * <li>{@code POST /v2/trackers {"tracker":{"tracking_code":"EZ1000000001","carrier":"USPS"}}}: 200
 * with the Tracker, the original one when the code is tracked at that carrier already;</li>
 * <li>{@code GET /v2/trackers/{id}};</li>
 * <li>{@code GET /v2/trackers?tracking_codes=A,B&carrier=USPS&page_size=20&before_id=trk_...}: newest
 * first, {@code {"trackers":[...],"has_more":false}}.</li>
 * </ul>
 */
@RestController
@RequestMapping("/carrier/v2/trackers")
class TrackerController {

	static final int DEFAULT_PAGE_SIZE = 20;

	static final int MAX_PAGE_SIZE = 100;

	private final Trackers trackers;

	TrackerController(Trackers trackers) {
		this.trackers = trackers;
	}

	@PostMapping
	Tracker create(@RequestBody(required = false) CreateTrackerRequest request) {
		TrackerParameters tracker = request == null ? null : request.tracker();
		if (tracker == null) {
			throw EasyPostException.invalidTracker("tracker", "must be present");
		}
		return trackers.create(tracker.trackingCode(), tracker.carrier()).tracker();
	}

	@GetMapping("/{id}")
	Tracker get(@PathVariable String id) {
		return trackers.find(id).orElseThrow(EasyPostException::notFound);
	}

	@GetMapping
	TrackerList list(@RequestParam(name = "tracking_codes", required = false) List<String> trackingCodes,
			@RequestParam(name = "tracking_code", required = false) String trackingCode,
			@RequestParam(required = false) String carrier,
			@RequestParam(name = "page_size", required = false) Integer pageSize,
			@RequestParam(name = "before_id", required = false) String beforeId) {
		int size = pageSize == null ? DEFAULT_PAGE_SIZE : pageSize;
		if (size < 1 || size > MAX_PAGE_SIZE) {
			throw EasyPostException.invalidParameter("page_size", "must be between 1 and " + MAX_PAGE_SIZE);
		}
		Set<String> codes = new LinkedHashSet<>();
		if (trackingCodes != null) {
			trackingCodes.stream().map(String::strip).filter(c -> !c.isEmpty()).forEach(codes::add);
		}
		if (trackingCode != null && !trackingCode.isBlank()) {
			codes.add(trackingCode.strip());
		}
		Page page = trackers.page(codes, carrier == null || carrier.isBlank() ? null : carrier.strip(), beforeId,
				size);
		return new TrackerList(page.trackers(), page.hasMore());
	}

	record CreateTrackerRequest(TrackerParameters tracker) {
	}

	@JsonNaming(SnakeCaseStrategy.class)
	record TrackerParameters(String trackingCode, String carrier) {
	}

	@JsonNaming(SnakeCaseStrategy.class)
	record TrackerList(List<Tracker> trackers, boolean hasMore) {
	}
}
