package io.retailhub.web;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Every console and file log line of a hub service shows the correlation ID of the work it belongs
 * to ({@code [<id>] } after the thread, nothing when there is none), by giving Spring Boot's
 * {@code logging.pattern.correlation} a default. Structured (JSON) logs carry the MDC anyway. A
 * service or deployment that sets the property keeps its own.
 */
public class CorrelationLogPattern implements EnvironmentPostProcessor {

	public static final String PROPERTY = "logging.pattern.correlation";

	/** {@code [WEB-1-abc] } when the MDC holds a correlation ID, nothing otherwise. */
	public static final String PATTERN = "%replace([%X{" + CorrelationIdFilter.MDC_KEY + "}] ){'^\\[\\] $', ''}";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		environment.getPropertySources().addLast(new MapPropertySource("hubLogDefaults", Map.of(PROPERTY, PATTERN)));
	}
}
