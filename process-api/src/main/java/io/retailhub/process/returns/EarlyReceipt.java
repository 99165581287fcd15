package io.retailhub.process.returns;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A warehouse receipt that overtook its return: the RMA is not known to the hub yet, or its
 * return is not authorized yet. Kept (the latest per RMA) and applied when the return is
 * authorized.
 */
@Entity
@Table(name = "early_receipt")
class EarlyReceipt {

	@Id
	private String rmaNumber;

	private String eventId;

	private long sequence;

	private String payload;

	private Instant arrivedAt;

	protected EarlyReceipt() {
	}

	EarlyReceipt(String rmaNumber, String eventId, long sequence, String payload, Instant arrivedAt) {
		this.rmaNumber = rmaNumber;
		this.eventId = eventId;
		this.sequence = sequence;
		this.payload = payload;
		this.arrivedAt = arrivedAt;
	}

	/** A later receipt replaces the kept one: receipts are cumulative. */
	void replaceWith(String eventId, long sequence, String payload, Instant arrivedAt) {
		if (sequence < this.sequence) {
			return;
		}
		this.eventId = eventId;
		this.sequence = sequence;
		this.payload = payload;
		this.arrivedAt = arrivedAt;
	}

	String rmaNumber() {
		return rmaNumber;
	}

	String eventId() {
		return eventId;
	}

	long sequence() {
		return sequence;
	}

	String payload() {
		return payload;
	}
}
