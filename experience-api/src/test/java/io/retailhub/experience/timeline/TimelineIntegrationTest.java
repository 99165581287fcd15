package io.retailhub.experience.timeline;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.retailhub.experience.ExperienceApiApplication;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.ContextConfiguration;

/**
 * experience-api on a random port, on a database and consumer group of its own (so the timeline
 * it builds holds only what these tests published, and what else the JVM's services publish on
 * the shared broker), with a system API of its own that a test may stop ({@link TimelineWorld}),
 * and no process-api at all. Short poll intervals so that entries stream within milliseconds.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(classes = ExperienceApiApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.config.name=" + ExperienceApiApplication.CONFIG_NAME, "spring.main.banner-mode=off",
				"retailhub.timeline.partitions=3",
				"retailhub.timeline.retry.initial-interval=20ms", "retailhub.timeline.retry.max-interval=100ms",
				"retailhub.timeline.retry.max-retries=2",
				"retailhub.timeline.lookup.poll-interval=100ms", "retailhub.timeline.lookup.backoff-base=200ms",
				"retailhub.timeline.lookup.backoff-max=1s",
				"retailhub.timeline.stream.poll-interval=50ms", "retailhub.timeline.stream.heartbeat=1s",
				"spring.kafka.consumer.properties.metadata.max.age.ms=1000",
				"spring.datasource.hikari.connection-timeout=5000", "logging.level.org.apache.kafka=WARN",
				"logging.level.kafka=WARN", "logging.level.state.change.logger=WARN",
				"logging.level.io.zonky.test=WARN" })
@ContextConfiguration(initializers = TimelineWorld.class)
@interface TimelineIntegrationTest {
}
