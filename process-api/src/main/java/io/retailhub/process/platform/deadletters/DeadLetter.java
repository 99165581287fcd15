package io.retailhub.process.platform.deadletters;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A stored dead letter: where the record came from, its original bytes and headers, and why it failed. */
record DeadLetter(UUID id, String originalTopic, int originalPartition, long originalOffset, String key,
		byte[] payload, List<StoredHeader> headers, String error, Instant deadLetteredAt, Instant replayedAt,
		int replayCount) {
}
