package io.retailhub.process.platform.kafka;

import java.time.Duration;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Kafka topics process-api declares and how its listeners retry.
 *
 * @param partitions partitions of each declared topic: the bound on consumer parallelism
 * @param replicas replication factor of each declared topic (1 on the local broker, 3 in production)
 * @param retry the in-place retries of a failing record before it is dead-lettered
 */
@Validated
@ConfigurationProperties("retailhub.kafka")
public record KafkaSettings(@DefaultValue("6") @Min(1) int partitions, @DefaultValue("1") @Min(1) short replicas,
		@DefaultValue Retry retry) {

	/**
	 * Exponential backoff between deliveries of a failing record; after {@code maxRetries} it goes
	 * to the dead-letter topic. The partition waits meanwhile, so keep the total short.
	 */
	public record Retry(@DefaultValue("500ms") Duration initialInterval, @DefaultValue("2") double multiplier,
			@DefaultValue("10s") Duration maxInterval, @DefaultValue("5") @Min(0) int maxRetries) {
	}

}
