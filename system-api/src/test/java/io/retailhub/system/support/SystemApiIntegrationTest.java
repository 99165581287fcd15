package io.retailhub.system.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.retailhub.system.SystemApiApplication;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * The full system API on a random port, its adapters wired to the in-process sandbox over real
 * HTTP, its events to the JVM's shared Kafka broker, its tokens from the JVM's shared sandbox
 * authorization server ({@link SystemApiHttp} calls it with a service token). All tests with this annotation share one
 * application context; after each test the backends are healed and the breakers closed
 * * ({@link ResilienceReset}): a test that breaks a backend need not heal it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(classes = SystemApiApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.config.name=" + SystemApiApplication.CONFIG_NAME, "spring.main.banner-mode=off" })
@ContextConfiguration(initializers = { SandboxBackendUrls.class, SharedKafka.class, SharedIdentityProperties.class })
@ExtendWith(ResilienceReset.class)
public @interface SystemApiIntegrationTest {
}
