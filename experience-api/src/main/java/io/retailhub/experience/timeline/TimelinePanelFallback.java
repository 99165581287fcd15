package io.retailhub.experience.timeline;

import java.util.List;
import java.util.Optional;

import io.retailhub.contracts.OrderId;
import io.retailhub.experience.downstream.ProcessReturn;
import io.retailhub.experience.panels.PanelFallback;

import org.springframework.stereotype.Component;

/**
 * The panels' STALE data from the timeline read model: an order's returns as the last events
 * told them, as of the last entry recorded about the order, when process-api does not answer.
 */
@Component
class TimelinePanelFallback implements PanelFallback {

	private final TimelineReader timeline;

	TimelinePanelFallback(TimelineReader timeline) {
		this.timeline = timeline;
	}

	@Override
	public Optional<Stale<List<ProcessReturn>>> returnsOfOrder(OrderId orderId) {
		OrderActivity activity = this.timeline.orderActivity(orderId.value());
		if (activity.asOf() == null) {
			return Optional.empty();
		}
		List<ProcessReturn> returns = activity.returns()
			.stream()
			.map(state -> new ProcessReturn(state.returnId(), null, activity.orderId(), activity.customerId(),
					state.channel(), state.status(), null, null, List.of(), state.rmaNumber(), state.caseId(),
					state.expiresAt(), null, state.estimatedRefund(), state.refundAmount(),
					state.lines()
						.stream()
						.map(line -> new ProcessReturn.Line(line.lineNumber(), line.sku(), line.quantity(), line.reason(),
								null, null, null, 0, null, null, null, null, null))
						.toList(),
					state.requestedAt(), state.updatedAt(), state.closedAt(), state.requestedBy(), null, null, null,
					state.parcel() == null ? null
							: new ProcessReturn.Parcel(state.parcel().carrier(), state.parcel().trackingCode(),
									state.parcel().shippedAt(), null)))
			.toList();
		return Optional.of(new Stale<>(returns, activity.asOf()));
	}

	@Override
	public Optional<String> customerOf(OrderId orderId) {
		return this.timeline.customerOf(orderId.value());
	}

}
