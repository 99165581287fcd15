package io.retailhub.experience.panels;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.retailhub.contracts.OrderId;
import io.retailhub.experience.downstream.ProcessReturn;

/**
 * What experience-api's own read model knows when a panel's source does not answer: the panel is
 * then STALE with this data, as of the read model's last event, instead of UNAVAILABLE.
 */
public interface PanelFallback {

	/** Knows nothing: every panel whose source fails is UNAVAILABLE. */
	PanelFallback NONE = new PanelFallback() {
	};

	/** The order's returns as the read model last saw them. */
	default Optional<Stale<List<ProcessReturn>>> returnsOfOrder(OrderId orderId) {
		return Optional.empty();
	}

	/** The customer of the order, as the read model knows it. */
	default Optional<String> customerOf(OrderId orderId) {
		return Optional.empty();
	}

	record Stale<T>(T data, Instant asOf) {
	}
}
