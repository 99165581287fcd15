package io.retailhub.contracts.events;

import java.time.Instant;
import java.time.format.DateTimeFormatter;

/**
 * Kafka header names and values of the hub's event envelope: CloudEvents 1.0 in the
 * <em>binary content mode</em> of the CloudEvents Kafka Protocol Binding
 * (<a href=
 * "https://github.com/cloudevents/spec/blob/v1.0.2/cloudevents/bindings/kafka-protocol-binding.md">kafka-protocol-binding.md</a>,
 * section 3.2). In that mode the record value is the event data as-is (the payload JSON), the
 * {@code content-type} header carries the CloudEvents {@code datacontenttype} (3.2.1), and every
 * other attribute, extensions included, is a header named after it with the prefix {@code ce_}
 * (3.2.3.1: {@code id} maps to {@code ce_id}); keys and values are UTF-8 strings (3.2.3).
 *
 * <p>
 * Required on every hub event: {@link #SPEC_VERSION}, {@link #ID}, {@link #SOURCE},
 * {@link #TYPE}, {@link #SUBJECT}, {@link #TIME}, {@link #CONTENT_TYPE}, {@link #DATA_SCHEMA},
 * {@link #CORRELATION_ID}, {@link #SEQUENCE}. {@link #TRACE_PARENT} is present whenever a trace
 * was active; {@link #TRACE_STATE} only when the trace carried vendor state.
 */
public final class CloudEventHeaders {

	/** CloudEvents {@code specversion}; always {@value #SPEC_VERSION_1_0}. */
	public static final String SPEC_VERSION = "ce_specversion";

	public static final String SPEC_VERSION_1_0 = "1.0";

	/**
	 * CloudEvents {@code id}: a UUID assigned once when the event is recorded (the outbox row) and
	 * kept on every re-publication, so a duplicate delivery carries the same id. Consumers
	 * deduplicate on it (inbox keyed by {@code ce_id}).
	 */
	public static final String ID = "ce_id";

	/**
	 * CloudEvents {@code source}: the publishing service as a URI reference,
	 * {@code /retail-hub/<service>}; see {@link #source(String)}.
	 */
	public static final String SOURCE = "ce_source";

	/** CloudEvents {@code type}: {@link EventType#type()}, e.g. {@code io.retailhub.return.requested.v1}. */
	public static final String TYPE = "ce_type";

	/**
	 * CloudEvents {@code subject}: the aggregate the event is about, {@link DomainEvent#aggregate()},
	 * e.g. {@code returns/9b1d...}. It scopes {@link #SEQUENCE}.
	 */
	public static final String SUBJECT = "ce_subject";

	/**
	 * CloudEvents {@code time}: {@link DomainEvent#occurredAt()} as an RFC 3339 UTC timestamp; see
	 * {@link #time(Instant)}.
	 */
	public static final String TIME = "ce_time";

	/**
	 * The record's media type, which the binding maps to CloudEvents {@code datacontenttype}
	 * (binary mode: the header is {@code content-type}, not {@code ce_datacontenttype}). Always
	 * {@value #APPLICATION_JSON}.
	 */
	public static final String CONTENT_TYPE = "content-type";

	public static final String APPLICATION_JSON = "application/json";

	/** CloudEvents {@code dataschema}: the payload schema's {@code $id}, {@link EventType#schemaId()}. */
	public static final String DATA_SCHEMA = "ce_dataschema";

	/**
	 * Extension {@code correlationid}: the {@code X-Correlation-Id} of the request that started the
	 * work, carried unchanged through every event and call it causes.
	 */
	public static final String CORRELATION_ID = "ce_correlationid";

	/**
	 * Extension {@code traceparent} of the CloudEvents Distributed Tracing extension: the W3C Trace
	 * Context {@code traceparent} of the trace that produced the event. It names where the event
	 * started; per-hop tracing uses the plain {@code traceparent} header that Kafka instrumentation
	 * writes.
	 */
	public static final String TRACE_PARENT = "ce_traceparent";

	/** Extension {@code tracestate} of the Distributed Tracing extension, when the trace has one. */
	public static final String TRACE_STATE = "ce_tracestate";

	/**
	 * Extension {@code sequence} of the CloudEvents Sequence extension: the event's position among
	 * the events one source publishes about one subject (aggregate), starting at 1 and increasing
	 * by 1. Written with {@link #sequence(long)}: decimal, zero-padded to {@value #SEQUENCE_DIGITS}
	 * digits, because the extension requires values that order lexicographically. Read with
	 * {@link #parseSequence(String)}. A consumer keeps the last sequence it applied per
	 * ({@code ce_source}, {@code ce_subject}) and ignores an event at or below it.
	 */
	public static final String SEQUENCE = "ce_sequence";

	/** Width of a formatted {@link #SEQUENCE}: enough for any positive {@code long}. */
	public static final int SEQUENCE_DIGITS = 19;

	/** {@code ce_source} of events published by process-api. */
	public static final String SOURCE_PROCESS_API = "/retail-hub/process-api";

	/** {@code ce_source} of events published by system-api (backend feeds and webhooks). */
	public static final String SOURCE_SYSTEM_API = "/retail-hub/system-api";

	private static final String SOURCE_PREFIX = "/retail-hub/";

	private CloudEventHeaders() {
	}

	/** The {@code ce_source} of a hub service: {@code source("process-api")} is {@code /retail-hub/process-api}. */
	public static String source(String service) {
		if (service == null || !service.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
			throw new IllegalArgumentException("service must be lower-case words joined by hyphens: " + service);
		}
		return SOURCE_PREFIX + service;
	}

	/** The {@code ce_time} value of an instant: RFC 3339 in UTC, e.g. {@code 2026-03-14T09:26:53.589Z}. */
	public static String time(Instant instant) {
		return DateTimeFormatter.ISO_INSTANT.format(Checks.present(instant, "time"));
	}

	/**
	 * The {@code ce_sequence} value of a sequence number.
	 * @throws IllegalArgumentException unless {@code sequence} is positive
	 */
	public static String sequence(long sequence) {
		if (sequence <= 0) {
			throw new IllegalArgumentException("sequence must be positive");
		}
		return String.format("%0" + SEQUENCE_DIGITS + "d", sequence);
	}

	/**
	 * Reads a {@code ce_sequence} value, padded or not.
	 * @throws IllegalArgumentException unless it is a positive decimal number
	 */
	public static long parseSequence(String value) {
		if (value == null || value.isEmpty() || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
			throw new IllegalArgumentException("ce_sequence must be a decimal number: " + value);
		}
		long sequence;
		try {
			sequence = Long.parseLong(value);
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("ce_sequence is out of range: " + value);
		}
		if (sequence <= 0) {
			throw new IllegalArgumentException("ce_sequence must be positive: " + value);
		}
		return sequence;
	}
}
