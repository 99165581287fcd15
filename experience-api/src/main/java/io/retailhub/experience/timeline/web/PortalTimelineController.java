package io.retailhub.experience.timeline.web;

import java.security.Principal;

import io.retailhub.experience.security.ActingUser;
import io.retailhub.experience.timeline.TimelinePage;
import io.retailhub.experience.timeline.TimelineReader;
import io.retailhub.experience.timeline.TimelineStreams;
import io.retailhub.web.ProblemException;

import org.springframework.http.MediaType;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The timeline of one of the shopper's own orders, as the portal shows it: only the entries meant
 * for the shopper. A customer token (its {@code customer_id} claim) opens the orders the read
 * model records as that customer's; a guest token opens its one order. Any other order (someone
 * else's, or one the hub does not know) answers the same 404, so order numbers cannot be probed.
 */
@RestController
@RequestMapping("/api/portal/v1")
class PortalTimelineController {

	private final TimelineReader timeline;

	private final TimelineStreams streams;

	private final TimelineRequests requests;

	PortalTimelineController(TimelineReader timeline, TimelineStreams streams, TimelineRequests requests) {
		this.timeline = timeline;
		this.streams = streams;
		this.requests = requests;
	}

	@GetMapping("/orders/{orderId}/timeline")
	TimelineResponse<ShopperTimelineEntryResponse> orderTimeline(Principal caller,
			@PathVariable String orderId, @RequestParam(required = false) Long before,
			@RequestParam(required = false) Integer limit) {
		String order = ownOrder(caller, orderId);
		TimelinePage page = this.timeline.shopperTimeline(order, this.requests.before(before),
				this.requests.limit(limit));
		return new TimelineResponse<>(page.entries().stream().map(ShopperTimelineEntryResponse::of).toList(),
				page.nextBefore());
	}

	@GetMapping(path = "/orders/{orderId}/timeline/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	SseEmitter orderStream(Principal caller, @PathVariable String orderId,
			@RequestHeader(name = "Last-Event-ID", required = false) String lastEventId,
			@RequestParam(name = "lastEventId", required = false) String lastEventIdParameter) {
		return this.streams.shopperOrder(ownOrder(caller, orderId),
				lastEventId != null ? lastEventId : lastEventIdParameter, ShopperTimelineEntryResponse::of);
	}

	/** The order, if the token's customer owns it; 404 otherwise. */
	private String ownOrder(Principal caller, String orderId) {
		String order = this.requests.identifier(orderId, "orderId");
		ActingUser shopper = caller instanceof JwtAuthenticationToken token ? ActingUser.shopper(token.getToken()) : null;
		boolean owns = shopper != null && shopper.subject() != null
				&& (ActingUser.GUEST.equals(shopper.role()) ? shopper.subject().equals(order)
						: this.timeline.customerOf(order).map(shopper.subject()::equals).orElse(false));
		if (!owns) {
			throw ProblemException.notFound("You have no order " + order + ".");
		}
		return order;
	}

}
