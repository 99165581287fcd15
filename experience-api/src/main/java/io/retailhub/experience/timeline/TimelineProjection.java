package io.retailhub.experience.timeline;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies hub events to the timeline, each once: the entry is keyed by the event's {@code ce_id}
 * (a unique constraint), so a redelivery, a replay from the dead-letter topic or a second
 * instance racing on the same record changes nothing. Stale events are not dropped: an older
 * fact arriving late is still a fact, and entries are read in the order they happened.
 */
@Service
class TimelineProjection {

	private static final Logger log = LoggerFactory.getLogger(TimelineProjection.class);

	private final EventEntries entries;

	private final TimelineStore store;

	TimelineProjection(EventEntries entries, TimelineStore store) {
		this.entries = entries;
		this.store = store;
	}

	/**
	 * Records the event's entry, in one transaction with the order's customer and its lookup
	 * request.
	 * @return the new entry's id; empty for a duplicate or a type this version does not know
	 * @throws PoisonEvent when the payload cannot be read
	 */
	@Transactional
	public Optional<Long> apply(EventEnvelope envelope) {
		Optional<NewEntry> entry = this.entries.entryOf(envelope);
		if (entry.isEmpty()) {
			log.debug("Event {} of type {} is not on the timeline", envelope.id(), envelope.type());
			return Optional.empty();
		}
		Optional<Long> id = this.store.insert(entry.get());
		this.store.requestLookup(entry.get().orderId());
		return id;
	}

}
