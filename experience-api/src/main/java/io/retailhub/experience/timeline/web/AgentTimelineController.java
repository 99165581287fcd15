package io.retailhub.experience.timeline.web;

import io.retailhub.experience.timeline.TimelinePage;
import io.retailhub.experience.timeline.TimelineReader;
import io.retailhub.experience.timeline.TimelineStreams;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The cross-system timeline for the agent desktop, per order and per customer, from the read
 * model (it answers while process-api, system-api and the backends are down), and its live
 * streams.
 */
@RestController
@RequestMapping("/api/agent/v1")
class AgentTimelineController {

	private final TimelineReader timeline;

	private final TimelineStreams streams;

	private final TimelineRequests requests;

	AgentTimelineController(TimelineReader timeline, TimelineStreams streams, TimelineRequests requests) {
		this.timeline = timeline;
		this.streams = streams;
		this.requests = requests;
	}

	@GetMapping("/orders/{orderId}/timeline")
	TimelineResponse<TimelineEntryResponse> orderTimeline(@PathVariable String orderId,
			@RequestParam(required = false) Long before, @RequestParam(required = false) Integer limit) {
		return response(this.timeline.orderTimeline(this.requests.identifier(orderId, "orderId"),
				this.requests.before(before), this.requests.limit(limit)));
	}

	@GetMapping("/customers/{customerId}/timeline")
	TimelineResponse<TimelineEntryResponse> customerTimeline(@PathVariable String customerId,
			@RequestParam(required = false) Long before, @RequestParam(required = false) Integer limit) {
		return response(this.timeline.customerTimeline(this.requests.identifier(customerId, "customerId"),
				this.requests.before(before), this.requests.limit(limit)));
	}

	@GetMapping(path = "/orders/{orderId}/timeline/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	SseEmitter orderStream(@PathVariable String orderId,
			@RequestHeader(name = "Last-Event-ID", required = false) String lastEventId,
			@RequestParam(name = "lastEventId", required = false) String lastEventIdParameter) {
		return this.streams.order(this.requests.identifier(orderId, "orderId"),
				lastEventId != null ? lastEventId : lastEventIdParameter, TimelineEntryResponse::of);
	}

	@GetMapping(path = "/customers/{customerId}/timeline/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	SseEmitter customerStream(@PathVariable String customerId,
			@RequestHeader(name = "Last-Event-ID", required = false) String lastEventId,
			@RequestParam(name = "lastEventId", required = false) String lastEventIdParameter) {
		return this.streams.customer(this.requests.identifier(customerId, "customerId"),
				lastEventId != null ? lastEventId : lastEventIdParameter, TimelineEntryResponse::of);
	}

	private static TimelineResponse<TimelineEntryResponse> response(TimelinePage page) {
		return new TimelineResponse<>(page.entries().stream().map(TimelineEntryResponse::of).toList(),
				page.nextBefore());
	}

}
