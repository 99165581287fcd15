package io.retailhub.experience.support;

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
 * The full experience API on a random port, on the test JVM's shared PostgreSQL and Kafka, in
 * front of the real process API, system API and sandbox backends of {@link ExperienceWorld}, all
 * over real HTTP. All tests with this annotation share one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(classes = ExperienceApiApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.config.name=" + ExperienceApiApplication.CONFIG_NAME, "spring.main.banner-mode=off",
				"spring.kafka.consumer.properties.metadata.max.age.ms=1000",
				// the shared servers may stop before the context at JVM exit: fail fast instead of waiting 30 s
				"spring.datasource.hikari.connection-timeout=5000", "logging.level.org.apache.kafka=WARN",
				"logging.level.kafka=WARN", "logging.level.state.change.logger=WARN",
				"logging.level.io.zonky.test=WARN" })
@ContextConfiguration(initializers = ExperienceTestEnvironment.class)
public @interface ExperienceApiIntegrationTest {
}
