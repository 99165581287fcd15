package io.retailhub.system.webhooks;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The webhook event IDs published lately, the oldest forgotten first: enough to drop the
 * redeliveries that come within minutes, cheaply. Not durable and not shared between instances,
 * on purpose: a redelivery it misses is published again under the same event ID, and consumers
 * deduplicate that in their inbox. Thread-safe.
 */
final class RecentEventIds {

	private final Map<String, Boolean> ids;

	RecentEventIds(int capacity) {
		this.ids = new LinkedHashMap<>(16, 0.75f, true) {

			@Override
			protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
				return size() > capacity;
			}
		};
	}

	synchronized boolean contains(String id) {
		return ids.get(id) != null;
	}

	synchronized void add(String id) {
		ids.put(id, Boolean.TRUE);
	}
}
