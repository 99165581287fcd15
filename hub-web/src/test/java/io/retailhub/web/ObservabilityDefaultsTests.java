package io.retailhub.web;

import java.util.HashMap;
import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.LoggingEvent;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** What the shared log correlation pattern prints for each combination of MDC keys. */
class ObservabilityDefaultsTests {

	private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";

	private static final String SPAN = "00f067aa0ba902b7";

	@ParameterizedTest
	@CsvSource(delimiter = '|', nullValues = "-", value = {
			"WEB-1-abc | " + TRACE + " | " + SPAN + " | [WEB-1-abc " + TRACE + "/" + SPAN + "] message",
			"WEB-1-abc | - | - | [WEB-1-abc] message",
			"- | " + TRACE + " | " + SPAN + " | [" + TRACE + "/" + SPAN + "] message",
			"- | - | - | message" })
	void showsWhatTheMdcHolds(String correlationId, String traceId, String spanId, String expected) {
		Map<String, String> mdc = new HashMap<>();
		if (correlationId != null) {
			mdc.put(CorrelationIdFilter.MDC_KEY, correlationId);
		}
		if (traceId != null) {
			mdc.put("traceId", traceId);
			mdc.put("spanId", spanId);
		}
		assertThat(format(mdc)).isEqualTo(expected);
	}

	private static String format(Map<String, String> mdc) {
		LoggerContext context = new LoggerContext();
		PatternLayout layout = new PatternLayout();
		layout.setContext(context);
		layout.setPattern(ObservabilityDefaults.LOG_CORRELATION_PATTERN + "%m");
		layout.start();
		LoggingEvent event = new LoggingEvent(ObservabilityDefaultsTests.class.getName(),
				context.getLogger(ObservabilityDefaultsTests.class), Level.INFO, "message", null, null);
		event.setMDCPropertyMap(mdc);
		return layout.doLayout(event);
	}

}
