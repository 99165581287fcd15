package io.retailhub.contracts.events;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import io.retailhub.contracts.ActingUser;
import io.retailhub.contracts.CustomerId;
import io.retailhub.contracts.OrderId;
import io.retailhub.contracts.ReturnAuthorizationId;

/**
 * The shopper (or an agent for them) handed the authorized return's parcel to a carrier: it is on
 * its way back, under {@code trackingCode} of {@code carrier}. Published by process-api, again with
 * the new code when the tracking code is corrected before the warehouse receives the parcel.
 * {@code shippedBy}, when present, who recorded it ({@code customer:17100001}).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReturnShipped(ReturnId returnId, OrderId orderId, CustomerId customerId,
		ReturnAuthorizationId rmaNumber, String carrier, String trackingCode, Instant occurredAt,
		ActingUser shippedBy) implements DomainEvent {

	public ReturnShipped {
		Checks.present(returnId, "returnId");
		Checks.present(orderId, "orderId");
		Checks.present(customerId, "customerId");
		Checks.present(rmaNumber, "rmaNumber");
		Checks.present(carrier, "carrier");
		Checks.present(trackingCode, "trackingCode");
		Checks.present(occurredAt, "occurredAt");
	}

	@Override
	public String aggregate() {
		return "returns/" + returnId;
	}
}
