package io.retailhub.experience.timeline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.retailhub.contracts.Money;
import tools.jackson.databind.JsonNode;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the timeline read model: pages per order and per customer, and the latest known state of
 * an order's returns, refunds and cases. Answers from experience-api's own database alone, so it
 * answers while process-api, system-api and the backends are down.
 */
@Service
@Transactional(readOnly = true)
public class TimelineReader {

	private final TimelineStore store;

	TimelineReader(TimelineStore store) {
		this.store = store;
	}

	/**
	 * The order's entries, newest first.
	 * @param before the {@code nextBefore} of the previous page; null for the newest entries
	 * @param limit at most this many
	 */
	public TimelinePage orderTimeline(String orderId, Long before, int limit) {
		return page(this.store.ofOrder(orderId, before, false, limit + 1), limit);
	}

	/** The entries of the order its customer sees, newest first. */
	public TimelinePage shopperTimeline(String orderId, Long before, int limit) {
		return page(this.store.ofOrder(orderId, before, true, limit + 1), limit);
	}

	/** The customer's entries across all their orders, newest first. */
	public TimelinePage customerTimeline(String customerId, Long before, int limit) {
		return page(this.store.ofCustomer(customerId, before, limit + 1), limit);
	}

	/** The customer of the order as the timeline knows it. */
	public Optional<String> customerOf(String orderId) {
		return this.store.customerOf(orderId);
	}

	/** The entry with this id, if it exists. */
	public Optional<TimelineEntry> entry(long id) {
		return this.store.byId(id).map(TimelineStore.Row::entry);
	}

	/**
	 * The latest known state of the order's returns, refunds and cases, and when the timeline last
	 * learned anything about the order ({@code asOf}).
	 */
	public OrderActivity orderActivity(String orderId) {
		Map<UUID, ReturnFold> returns = new LinkedHashMap<>();
		Map<UUID, OrderActivity.RefundState> refunds = new LinkedHashMap<>();
		Map<String, OrderActivity.CaseState> cases = new LinkedHashMap<>();
		String customerId = this.store.customerOf(orderId).orElse(null);
		for (TimelineEntry entry : this.store.allOfOrder(orderId)) {
			JsonNode detail = entry.detail();
			String kind = entry.kind().name();
			if (kind.startsWith("RETURN_") && entry.returnId() != null) {
				returns.computeIfAbsent(entry.returnId(), ReturnFold::new).apply(entry);
			}
			else if (kind.startsWith("REFUND_")) {
				String refundId = text(detail, "refundId");
				if (refundId != null) {
					refunds.put(UUID.fromString(refundId), new OrderActivity.RefundState(UUID.fromString(refundId),
							entry.returnId(), kind.substring("REFUND_".length()), money(detail.get("amount")),
							entry.occurredAt()));
				}
			}
			else if (kind.startsWith("CASE_")) {
				String caseId = text(detail, "caseId");
				if (caseId != null) {
					OrderActivity.CaseState previous = cases.get(caseId);
					String number = Optional.ofNullable(text(detail, "caseNumber"))
						.orElse(previous == null ? null : previous.caseNumber());
					UUID returnId = entry.returnId() != null ? entry.returnId()
							: previous == null ? null : previous.returnId();
					cases.put(caseId, new OrderActivity.CaseState(caseId, number, returnId,
							kind.substring("CASE_".length()), entry.occurredAt()));
				}
			}
		}
		List<OrderActivity.ReturnState> states = new ArrayList<>();
		for (ReturnFold fold : returns.values()) {
			boolean refunding = refunds.values()
				.stream()
				.anyMatch(refund -> fold.returnId.equals(refund.returnId()) && !"POSTED".equals(refund.status()));
			states.add(fold.state(refunding));
		}
		return new OrderActivity(orderId, customerId, states, new ArrayList<>(refunds.values()),
				new ArrayList<>(cases.values()), this.store.lastRecorded(orderId).orElse(null));
	}

	/** A return's entries folded, oldest first, into its latest state. */
	private static final class ReturnFold {

		private static final List<String> ENDED = List.of("DECLINED", "EXPIRED", "CANCELED", "CLOSED");

		private final UUID returnId;

		private String status;

		private String channel;

		private String rmaNumber;

		private String caseId;

		private Instant expiresAt;

		private Money estimatedRefund;

		private Money refundAmount;

		private List<OrderActivity.ReturnState.Line> lines = List.of();

		private String requestedBy;

		private Instant requestedAt;

		private Instant updatedAt;

		private Instant closedAt;

		private OrderActivity.ReturnState.Parcel parcel;

		ReturnFold(UUID returnId) {
			this.returnId = returnId;
		}

		void apply(TimelineEntry entry) {
			JsonNode detail = entry.detail();
			if (entry.kind() == EntryKind.RETURN_SHIPPED) {
				// the parcel is on its way: the return stays where it is (authorized), with its parcel
				this.parcel = new OrderActivity.ReturnState.Parcel(text(detail, "carrier"), text(detail, "trackingCode"),
						this.parcel != null ? this.parcel.shippedAt() : entry.occurredAt());
				this.updatedAt = entry.occurredAt();
				return;
			}
			this.status = entry.kind().name().substring("RETURN_".length());
			this.updatedAt = entry.occurredAt();
			this.channel = Optional.ofNullable(text(detail, "channel")).orElse(this.channel);
			this.rmaNumber = Optional.ofNullable(text(detail, "rmaNumber")).orElse(this.rmaNumber);
			this.caseId = Optional.ofNullable(text(detail, "caseId")).orElse(this.caseId);
			this.expiresAt = Optional.ofNullable(text(detail, "expiresAt")).map(Instant::parse).orElse(this.expiresAt);
			this.estimatedRefund = Optional.ofNullable(money(detail.get("estimatedRefund"))).orElse(this.estimatedRefund);
			this.refundAmount = Optional.ofNullable(money(detail.get("refundAmount"))).orElse(this.refundAmount);
			if (entry.kind() == EntryKind.RETURN_REQUESTED) {
				this.requestedAt = entry.occurredAt();
				this.requestedBy = entry.actor();
				JsonNode items = detail.get("lines");
				if (items != null && items.isArray()) {
					List<OrderActivity.ReturnState.Line> read = new ArrayList<>();
					for (JsonNode item : items) {
						read.add(new OrderActivity.ReturnState.Line(text(item, "lineNumber"), text(item, "sku"),
								item.path("quantity").asInt(), text(item, "reason")));
					}
					this.lines = List.copyOf(read);
				}
			}
			if (ENDED.contains(this.status)) {
				this.closedAt = entry.occurredAt();
			}
		}

		OrderActivity.ReturnState state(boolean refunding) {
			String current = "INSPECTED".equals(this.status) && refunding ? "REFUNDING" : this.status;
			return new OrderActivity.ReturnState(this.returnId, current, this.channel, this.rmaNumber, this.caseId,
					this.expiresAt, this.estimatedRefund, this.refundAmount, this.lines, this.requestedBy,
					this.requestedAt, this.updatedAt, this.closedAt, this.parcel);
		}

	}

	private static TimelinePage page(List<TimelineEntry> entries, int limit) {
		if (entries.size() <= limit) {
			return new TimelinePage(entries, null);
		}
		List<TimelineEntry> page = entries.subList(0, limit);
		return new TimelinePage(List.copyOf(page), page.get(limit - 1).id());
	}

	private static String text(JsonNode node, String member) {
		JsonNode value = node == null ? null : node.get(member);
		return value == null || value.isNull() ? null : value.asString();
	}

	private static Money money(JsonNode money) {
		if (money == null || !money.isObject() || money.get("amount") == null || text(money, "currency") == null) {
			return null;
		}
		return Money.of(money.get("amount").decimalValue(), text(money, "currency"));
	}

}
