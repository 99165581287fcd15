package io.retailhub.process.e2e;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.retailhub.process.ProcessApiApplication;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * The full process API on a random port, with the sandbox backends and the system API in the
 * same JVM over real HTTP, on its own database and consumer group (see
 * {@link ReturnsTestEnvironment}). Short polls and backoffs make flows finish in moments; an
 * authorized return expires after {@value #EXPIRY}. Tests autowire the {@link ProcessApi} and
 * the {@link WarehouseReceipts} ({@link ReturnsTestBeans}); after each test the sandbox is healed
 * ({@link SandboxReset}). All tests with this annotation share one context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(classes = ProcessApiApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.config.name=" + ProcessApiApplication.CONFIG_NAME, "spring.main.banner-mode=off",
				"retailhub.workflow.instance-id=returns-test-instance",
				// the order feed has a test context of its own (OrderFeedIntegrationTests): two feeds
				// on two databases would each confirm the same ERP orders
				"retailhub.orders.feed.enabled=false",
				"retailhub.outbox.poll-interval=20ms",
				"retailhub.workflow.steps.poll-interval=20ms",
				"retailhub.workflow.steps.backoff.base=10ms",
				"retailhub.workflow.steps.backoff.max=200ms",
				"retailhub.workflow.steps.shutdown-timeout=2s",
				"retailhub.kafka.partitions=3",
				"retailhub.kafka.retry.initial-interval=20ms",
				"retailhub.kafka.retry.max-interval=100ms",
				"retailhub.kafka.retry.max-retries=2",
				"retailhub.returns.expiry=" + ReturnsIntegrationTest.EXPIRY,
				"retailhub.returns.partial-receipt-grace=2s",
				// the sandbox ERP is shared by every process-api in this JVM: RMA references must not collide
				"retailhub.returns.number-prefix=RT-",
				"retailhub.system-api.read-timeout=3s",
				// a credit memo posted in a test is compared at once, not after the hour it may take in production
				"retailhub.reconciliation.settle-time=0s",
				"spring.kafka.consumer.properties.metadata.max.age.ms=1000" })
@ContextConfiguration(initializers = ReturnsTestEnvironment.class)
@Import(ReturnsTestBeans.class)
@ExtendWith(SandboxReset.class)
public @interface ReturnsIntegrationTest {

	/** How long an authorized return waits for its parcel in these tests. */
	String EXPIRY = "6s";
}
