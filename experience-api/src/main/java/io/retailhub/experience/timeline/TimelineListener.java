package io.retailhub.experience.timeline;

import java.util.Optional;

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

	TimelineListener(TimelineProjection projection) {
		this.projection = projection;
	}

	@KafkaListener(id = ID, idIsGroup = false, autoStartup = "${retailhub.timeline.listener-enabled:true}",
			topics = { Topics.ORDERS, Topics.RETURNS, Topics.REFUNDS, Topics.CASES })
	void on(ConsumerRecord<String, byte[]> record) {
		EventEnvelope envelope = EventEnvelope.from(record);
		Optional<Long> entry = this.projection.apply(envelope);
		if (entry.isPresent()) {
			log.debug("Event {} ({}) recorded as timeline entry {}", envelope.id(), envelope.type(), entry.get());
		}
	}

}
