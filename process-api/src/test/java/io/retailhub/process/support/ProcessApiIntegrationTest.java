package io.retailhub.process.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.retailhub.process.ProcessApiApplication;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * The full process API on a random port, on the test JVM's shared PostgreSQL and Kafka, with
 * short poll intervals and backoffs so that flows finish in milliseconds, and the platform's test
 * beans ({@link PlatformTestBeans}). All tests with this annotation share one application
 * context, on a database and consumer group of its own (see {@link SharedInfrastructureProperties}):
 * a second context on the same database would run this one's steps, so add beans to
 * {@link PlatformTestBeans} rather than changing the context per test class.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(classes = ProcessApiApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.config.name=" + ProcessApiApplication.CONFIG_NAME, "spring.main.banner-mode=off",
				"retailhub.workflow.instance-id=test-instance",
				// the order feed has a test context of its own (OrderFeedIntegrationTests)
				"retailhub.orders.feed.enabled=false",
				"retailhub.outbox.poll-interval=20ms",
				"retailhub.workflow.steps.poll-interval=20ms",
				"retailhub.workflow.steps.backoff.base=10ms",
				"retailhub.workflow.steps.backoff.max=100ms",
				"retailhub.workflow.steps.shutdown-timeout=2s",
				"retailhub.workflow.steps.overrides[" + PlatformTestBeans.EXHAUSTING_STEP + "].max-attempts="
						+ PlatformTestBeans.EXHAUSTING_MAX_ATTEMPTS,
				"retailhub.kafka.partitions=3",
				"retailhub.kafka.retry.initial-interval=20ms",
				"retailhub.kafka.retry.max-interval=100ms",
				"retailhub.kafka.retry.max-retries=2",
				"spring.kafka.consumer.properties.metadata.max.age.ms=1000",
				// the shared servers may stop before the context at JVM exit: fail fast instead of waiting 30 s
				"spring.datasource.hikari.connection-timeout=5000",
				"logging.level.org.apache.kafka=WARN", "logging.level.kafka=WARN",
				"logging.level.state.change.logger=WARN", "logging.level.io.zonky.test=WARN" })
@ContextConfiguration(initializers = SharedInfrastructureProperties.class)
@Import(PlatformTestBeans.class)
public @interface ProcessApiIntegrationTest {
}
