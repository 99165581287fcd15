package io.retailhub.experience.downstream;

import java.util.List;

import io.retailhub.contracts.ReturnReason;

/**
 * A return to start at the process API. The channel is set by experience-api from the API it was
 * asked through, never by the caller.
 */
public record NewReturn(String orderId, String channel, List<Line> lines) {

	public record Line(String lineNumber, int quantity, ReturnReason reason) {
	}
}
