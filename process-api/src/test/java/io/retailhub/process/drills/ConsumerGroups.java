package io.retailhub.process.drills;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import io.retailhub.sandbox.infra.SharedInfrastructure;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;

import static org.awaitility.Awaitility.await;

/** A consumer group's committed offsets, as ops see and change them with Kafka's admin tools. */
final class ConsumerGroups {

	private static final Duration PATIENCE = Duration.ofSeconds(30);

	private ConsumerGroups() {
	}

	/**
	 * Moves the group back to {@code offset} on one partition, so that everything from there on
	 * is delivered again. Kafka allows it only while the group has no members: the caller stops
	 * the group's consumers first, and this waits until the broker has seen them leave.
	 */
	static void rewind(String group, TopicPartition partition, long offset) {
		await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() -> {
			try (Admin admin = admin()) {
				get(admin.alterConsumerGroupOffsets(group, Map.of(partition, new OffsetAndMetadata(offset))).all());
			}
		});
	}

	/** Waits until the group has committed every record on the topic as it is now: all were delivered and handled. */
	static void awaitCaughtUp(String group, String topic) {
		try (Admin admin = admin()) {
			List<TopicPartition> partitions = get(admin.describeTopics(List.of(topic)).allTopicNames()).get(topic)
				.partitions()
				.stream()
				.map(p -> new TopicPartition(topic, p.partition()))
				.toList();
			Map<TopicPartition, Long> end = get(
					admin.listOffsets(partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest())))
						.all())
				.entrySet()
				.stream()
				.collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
			await().atMost(PATIENCE).pollInterval(Duration.ofMillis(100)).until(() -> {
				Map<TopicPartition, OffsetAndMetadata> committed = get(
						admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata());
				return partitions.stream()
					.allMatch(p -> end.get(p) == 0 || committed.get(p) != null && committed.get(p).offset() >= end.get(p));
			});
		}
	}

	private static <T> T get(KafkaFuture<T> future) {
		try {
			return future.get(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("Kafka's admin API did not answer", ex);
		}
	}

	private static Admin admin() {
		return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
				SharedInfrastructure.kafka().bootstrapServers()));
	}
}
