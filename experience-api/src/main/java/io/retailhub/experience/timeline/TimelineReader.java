package io.retailhub.experience.timeline;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

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
		Map<UUID, OrderActivity.ReturnState> returns = new LinkedHashMap<>();
		Map<UUID, OrderActivity.RefundState> refunds = new LinkedHashMap<>();
		Map<String, OrderActivity.CaseState> cases = new LinkedHashMap<>();
		String customerId = this.store.customerOf(orderId).orElse(null);
		for (TimelineEntry entry : this.store.allOfOrder(orderId)) {
			JsonNode detail = entry.detail();
			String kind = entry.kind().name();
			if (kind.startsWith("RETURN_") && entry.returnId() != null) {
				OrderActivity.ReturnState previous = returns.get(entry.returnId());
				String rma = Optional.ofNullable(text(detail, "rmaNumber"))
					.orElse(previous == null ? null : previous.rmaNumber());
				JsonNode refund = detail.get("refundAmount");
				BigDecimal amount = refund != null ? amount(refund) : previous == null ? null : previous.refundAmount();
				String currency = refund != null ? text(refund, "currency")
						: previous == null ? null : previous.currency();
				returns.put(entry.returnId(), new OrderActivity.ReturnState(entry.returnId(),
						kind.substring("RETURN_".length()), rma, amount, currency, entry.occurredAt()));
			}
			else if (kind.startsWith("REFUND_")) {
				String refundId = text(detail, "refundId");
				if (refundId != null) {
					JsonNode money = detail.get("amount");
					refunds.put(UUID.fromString(refundId), new OrderActivity.RefundState(UUID.fromString(refundId),
							entry.returnId(), kind.substring("REFUND_".length()), money == null ? null : amount(money),
							money == null ? null : text(money, "currency"), entry.occurredAt()));
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
		return new OrderActivity(orderId, customerId, new ArrayList<>(returns.values()),
				new ArrayList<>(refunds.values()), new ArrayList<>(cases.values()),
				this.store.lastRecorded(orderId).orElse(null));
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

	private static BigDecimal amount(JsonNode money) {
		JsonNode amount = money.get("amount");
		return amount == null ? null : amount.decimalValue();
	}

}
