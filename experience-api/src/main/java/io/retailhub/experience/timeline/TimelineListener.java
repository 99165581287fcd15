package io.retailhub.experience.timeline;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.retailhub.contracts.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * The hub's order, return, refund and case events, in experience-api's consumer group
 * ({@code spring.kafka.consumer.group-id}, {@code experience-api}). Thin: reads the envelope
 * and hands it to {@link TimelineProjection}. A record that cannot be read goes to
 * {@code <topic>.experience-api.dlt} ({@link TimelineKafkaConfiguration}).
 */
@Component
class TimelineListener {

	/** The listener container's id. */
	static final String ID = "timeline";

	private static final Logger log = LoggerFactory.getLogger(TimelineListener.class);

	private final TimelineProjection projection;

	private final Timer delay;

	TimelineListener(TimelineProjection projection, MeterRegistry meters) {
		this.projection = projection;
		this.delay = Timer.builder("retailhub.timeline.projection.delay")
			.description("From an event's publication on Kafka to its entry in the timeline read model: "
					+ "how far behind the agent's and shopper's timeline is")
			.serviceLevelObjectives(Duration.ofMillis(100), Duration.ofMillis(500), Duration.ofSeconds(1),
					Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(5))
			.register(meters);
	}

	@KafkaListener(id = ID, idIsGroup = false, autoStartup = "${retailhub.timeline.listener-enabled:true}",
			topics = { Topics.ORDERS, Topics.RETURNS, Topics.REFUNDS, Topics.CASES })
	void on(ConsumerRecord<String, byte[]> record) {
		EventEnvelope envelope = EventEnvelope.from(record);
		Optional<Long> entry = this.projection.apply(envelope);
		this.delay.record(Math.max(0, System.currentTimeMillis() - record.timestamp()), TimeUnit.MILLISECONDS);
		if (entry.isPresent()) {
			log.debug("Event {} ({}) recorded as timeline entry {}", envelope.id(), envelope.type(), entry.get());
		}
	}

}
