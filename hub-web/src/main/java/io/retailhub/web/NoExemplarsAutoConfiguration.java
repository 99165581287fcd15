package io.retailhub.web;

import io.prometheus.metrics.tracer.common.SpanContext;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * Keeps trace exemplars out of {@code /actuator/prometheus} unless
 * {@code retailhub.metrics.exemplars=true}. With tracing on, Spring Boot attaches the current trace
 * to counters and histogram counts in the OpenMetrics answer, and Prometheus servers before 2.43
 * (Debian's 2.42 among them) refuse the whole scrape ("does not support exemplars"): every metric
 * of the service would be lost. A deployment on a newer Prometheus that wants to jump from a
 * latency panel to a trace switches them on.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.micrometer.tracing.autoconfigure.prometheus.PrometheusExemplarsAutoConfiguration")
@ConditionalOnClass(SpanContext.class)
@ConditionalOnProperty(name = "retailhub.metrics.exemplars", havingValue = "false", matchIfMissing = true)
public class NoExemplarsAutoConfiguration {

	/** A span context that is never sampled: the registry then never records an exemplar. */
	@Bean
	SpanContext noExemplars() {
		return new SpanContext() {

			@Override
			public String getCurrentTraceId() {
				return null;
			}

			@Override
			public String getCurrentSpanId() {
				return null;
			}

			@Override
			public boolean isCurrentSpanSampled() {
				return false;
			}

			@Override
			public void markCurrentSpanAsExemplar() {
			}

		};
	}

}
