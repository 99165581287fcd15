package io.retailhub.web;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Defaults every hub service shares for following work across services; a service's own
 * configuration, the environment or a deployment that sets one of them keeps its own.
 *
 * <ul>
 * <li>Every console and file log line shows the correlation ID and the trace and span of the work
 * it belongs to, after the thread: {@code [WEB-1-abc 4bf92f35...4736/00f067aa0ba902b7] }, with
 * what is missing left out and nothing at all when there is neither. Structured (JSON) logs carry
 * the same MDC keys as fields.</li>
 * <li>Every trace is sampled: the trace ID in the logs is the way to follow a return through the
 * hub, so it is kept whether or not spans are exported. Spans leave the service only where an OTLP
 * endpoint is set ({@code management.opentelemetry.tracing.export.otlp.endpoint}).</li>
 * <li>Kafka listener containers are observed: a listener continues the trace of the record's W3C
 * {@code traceparent}. Producers write that header themselves (process-api's outbox relay,
 * system-api's event publisher): spring-kafka's observed template asks the broker for its cluster
 * ID before each send until it has it, so with Kafka down every send would wait the admin
 * client's 30 s instead of failing after {@code max.block.ms}.</li>
 * </ul>
 */
public class ObservabilityDefaults implements EnvironmentPostProcessor {

	/** Spring Boot's property for the correlation part of its log patterns. */
	public static final String LOG_CORRELATION_PROPERTY = "logging.pattern.correlation";

	/**
	 * {@code [<correlation ID> <trace ID>/<span ID>] }: the innermost replacement drops the whole
	 * bracket when both are missing, the next drops the empty trace part, the outer one the blank
	 * left by a missing correlation ID.
	 */
	public static final String LOG_CORRELATION_PATTERN = "%replace(%replace(%replace([%X{"
			+ CorrelationIdFilter.MDC_KEY + ":-} %X{traceId:-}/%X{spanId:-}] ){'^\\[ /\\] $', ''}){' /\\] $', '] '}){'^\\[ ', '['}";

	static final Map<String, Object> DEFAULTS = Map.of(LOG_CORRELATION_PROPERTY, LOG_CORRELATION_PATTERN,
			"management.tracing.sampling.probability", "1.0",
			"spring.kafka.listener.observation-enabled", "true");

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		environment.getPropertySources().addLast(new MapPropertySource("hubObservabilityDefaults", DEFAULTS));
	}

}
