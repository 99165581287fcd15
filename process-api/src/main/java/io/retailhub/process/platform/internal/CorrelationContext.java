package io.retailhub.process.platform.internal;

import java.util.Optional;
import java.util.regex.Pattern;

import io.retailhub.web.CorrelationIdFilter;
import org.slf4j.MDC;

/**
 * The correlation ID and trace context of the work in progress, kept in the SLF4J MDC so that
 * every log line shows them: the web filter puts the caller's {@code X-Correlation-Id} there, the
 * Kafka listeners the event's {@code ce_correlationid}, the step worker the ID of the work that
 * scheduled the step. The outbox reads it back to stamp each event it records.
 */
public final class CorrelationContext {

	/** MDC key of the correlation ID, as in every service of the hub. */
	public static final String MDC_KEY = CorrelationIdFilter.MDC_KEY;

	/** Micrometer Tracing's MDC keys, present when a tracer is on the classpath and a span is current. */
	private static final String TRACE_ID = "traceId";

	private static final String SPAN_ID = "spanId";

	private static final Pattern TRACE_ID_FORMAT = Pattern.compile("[0-9a-f]{32}");

	private static final Pattern SPAN_ID_FORMAT = Pattern.compile("[0-9a-f]{16}");

	private CorrelationContext() {
	}

	public static Optional<String> correlationId() {
		return Optional.ofNullable(MDC.get(MDC_KEY)).filter(id -> !id.isBlank());
	}

	/**
	 * The W3C {@code traceparent} of the current span, if tracing put one in the MDC. The MDC does
	 * not carry the sampling decision, so the flags say sampled: a receiver may record a trace the
	 * sender dropped, never the other way round.
	 */
	public static Optional<String> traceparent() {
		String traceId = MDC.get(TRACE_ID);
		String spanId = MDC.get(SPAN_ID);
		if (traceId == null || spanId == null || !TRACE_ID_FORMAT.matcher(traceId).matches()
				|| !SPAN_ID_FORMAT.matcher(spanId).matches()) {
			return Optional.empty();
		}
		return Optional.of("00-" + traceId + "-" + spanId + "-01");
	}

	/**
	 * Makes {@code correlationId} current until the returned scope closes, then restores what was
	 * there before. A null ID leaves the MDC as it is.
	 */
	public static Scope open(String correlationId) {
		String previous = MDC.get(MDC_KEY);
		if (correlationId != null) {
			MDC.put(MDC_KEY, correlationId);
		}
		return () -> {
			if (previous == null) {
				MDC.remove(MDC_KEY);
			}
			else {
				MDC.put(MDC_KEY, previous);
			}
		};
	}

	/** Restores the previous correlation ID on close. */
	@FunctionalInterface
	public interface Scope extends AutoCloseable {

		@Override
		void close();

	}

}
