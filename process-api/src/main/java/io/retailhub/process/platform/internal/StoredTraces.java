package io.retailhub.process.platform.internal;

import java.util.Map;
import java.util.function.BiConsumer;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Goes on with a trace whose context was stored with the work: a workflow step runs in the trace
 * of its workflow, an outbox event is sent in the trace of the transaction that recorded it, both
 * long after that trace's request or record was handled, and on another thread.
 *
 * <p>The stored context is a W3C {@code traceparent}; the span started here is its child and is
 * current (its IDs in the MDC, so in every log line and every event recorded meanwhile) until the
 * scope closes. Without a stored context the span starts a trace of its own. Without a tracer
 * ({@code management.tracing.enabled=false}) nothing is started.
 */
@Component
public class StoredTraces {

	private static final String TRACEPARENT = "traceparent";

	private final Tracer tracer;

	private final Propagator propagator;

	@Autowired
	public StoredTraces(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
		this(tracer.getIfAvailable(() -> Tracer.NOOP), propagator.getIfAvailable(() -> Propagator.NOOP));
	}

	StoredTraces(Tracer tracer, Propagator propagator) {
		this.tracer = tracer;
		this.propagator = propagator;
	}

	/** Without a tracer: scopes that do nothing. */
	public static StoredTraces none() {
		return new StoredTraces(Tracer.NOOP, Propagator.NOOP);
	}

	/**
	 * Starts span {@code name} as a child of {@code traceparent} (a new trace when null or blank)
	 * and makes it current until the returned scope closes, which also ends it.
	 */
	public Scope resume(String name, String traceparent) {
		Span.Builder builder = traceparent == null || traceparent.isBlank() ? null
				: this.propagator.extract(Map.of(TRACEPARENT, traceparent), Map::get);
		Span span = (builder != null ? builder.name(name).start() : this.tracer.nextSpan().name(name).start());
		Tracer.SpanInScope inScope = this.tracer.withSpan(span);
		return new Scope(span, inScope, this.propagator);
	}

	/** The span of a resumed trace, current until closed. */
	public static final class Scope implements AutoCloseable {

		private final Span span;

		private final Tracer.SpanInScope inScope;

		private final Propagator propagator;

		private Scope(Span span, Tracer.SpanInScope inScope, Propagator propagator) {
			this.span = span;
			this.inScope = inScope;
			this.propagator = propagator;
		}

		/** Writes the span's context as W3C headers ({@code traceparent}), e.g. into a Kafka record. */
		public void inject(BiConsumer<String, String> headers) {
			this.propagator.inject(this.span.context(), headers, BiConsumer::accept);
		}

		/** Tags the span, e.g. with the step's name or the event's type (low cardinality only). */
		public Scope tag(String key, String value) {
			if (value != null) {
				this.span.tag(key, value);
			}
			return this;
		}

		@Override
		public void close() {
			this.inScope.close();
			this.span.end();
		}

	}

}
