package io.retailhub.experience.timeline;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The order timeline read model: how it consumes the hub's topics, looks orders up at the system
 * API, pages its answers and streams new entries.
 *
 * @param listenerEnabled whether this instance consumes the topics (every instance streams what
 * any instance recorded, either way)
 * @param partitions partitions of the dead-letter topics this service declares
 * @param replicas replication factor of the dead-letter topics
 * @param retry in-place retries of a failing record before it is dead-lettered
 * @param lookup reading placed, shipped, delivered and the customer of an order from the system API
 * @param page sizes of a timeline page
 * @param stream the Server-Sent Events streams
 */
@Validated
@ConfigurationProperties("retailhub.timeline")
public record TimelineSettings(@DefaultValue("true") boolean listenerEnabled, @DefaultValue("6") @Min(1) int partitions,
		@DefaultValue("1") @Min(1) short replicas, @DefaultValue Retry retry, @DefaultValue Lookup lookup,
		@DefaultValue Page page, @DefaultValue Stream stream) {

	/** Exponential backoff between deliveries of a failing record; then its dead-letter topic. */
	public record Retry(@DefaultValue("500ms") Duration initialInterval, @DefaultValue("2") double multiplier,
			@DefaultValue("10s") Duration maxInterval, @DefaultValue("5") @Min(0) int maxRetries) {
	}

	/**
	 * @param enabled whether this instance looks orders up (any number of instances may: they
	 * claim orders with SKIP LOCKED)
	 * @param pollInterval pause between looks for due orders
	 * @param batchSize orders claimed per look
	 * @param backoffBase first wait after a failed lookup; doubles with each failure
	 * @param backoffMax longest wait between lookups of one order
	 * @param refreshUndeliveredAfter when an order has a parcel not delivered yet (or nothing
	 * shipped), it is looked up again after this, until {@code refreshFor} after its first lookup
	 * @param refreshFor how long after its first lookup an undelivered order is still refreshed
	 */
	public record Lookup(@DefaultValue("true") boolean enabled, @DefaultValue("1s") Duration pollInterval,
			@DefaultValue("20") @Min(1) @Max(500) int batchSize, @DefaultValue("2s") Duration backoffBase,
			@DefaultValue("5m") Duration backoffMax, @DefaultValue("30m") Duration refreshUndeliveredAfter,
			@DefaultValue("30d") Duration refreshFor) {
	}

	/** @param defaultLimit entries per page when {@code limit} is not given; @param maxLimit the largest {@code limit} */
	public record Page(@DefaultValue("50") @Min(1) int defaultLimit, @DefaultValue("200") @Min(1) int maxLimit) {
	}

	/**
	 * @param pollInterval how often each instance reads the entries committed since its last read
	 * @param heartbeat interval of the comment lines that keep idle connections open
	 * @param timeout a stream ends after this; the client reconnects with {@code Last-Event-ID}
	 * @param maxSubscribers open streams one instance holds at most; more are refused with 503
	 * @param maxBacklog entries sent at most when a stream resumes after {@code Last-Event-ID}
	 */
	public record Stream(@DefaultValue("200ms") Duration pollInterval, @DefaultValue("15s") Duration heartbeat,
			@DefaultValue("30m") Duration timeout, @DefaultValue("1000") @Min(1) int maxSubscribers,
			@DefaultValue("500") @Min(1) int maxBacklog) {
	}

}
