package io.retailhub.process.platform.deadletters;

import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.retailhub.contracts.events.CloudEventHeaders;

/** What the dead-letter API answers. */
final class DeadLetterResponses {

	private DeadLetterResponses() {
	}

	/** One dead letter in a list: where it came from, which event it was, why it failed, whether it was replayed. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record DeadLetterSummaryResponse(UUID id, String originalTopic, int originalPartition, long originalOffset,
			String key, String eventId, String eventType, String error, Instant deadLetteredAt, Instant replayedAt,
			int replayCount) {

		static DeadLetterSummaryResponse of(DeadLetter letter) {
			return new DeadLetterSummaryResponse(letter.id(), letter.originalTopic(), letter.originalPartition(),
					letter.originalOffset(), letter.key(), header(letter, CloudEventHeaders.ID),
					header(letter, CloudEventHeaders.TYPE), letter.error(), letter.deadLetteredAt(),
					letter.replayedAt(), letter.replayCount());
		}

	}

	/**
	 * A dead letter in full. The payload comes as base64 always and also as text when it is UTF-8
	 * (JSON usually is; the bytes that broke a listener may not be).
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record DeadLetterResponse(UUID id, String originalTopic, int originalPartition, long originalOffset, String key,
			String eventId, String eventType, String error, Instant deadLetteredAt, Instant replayedAt,
			int replayCount, String payloadText, String payloadBase64, List<HeaderResponse> headers) {

		static DeadLetterResponse of(DeadLetter letter) {
			byte[] payload = letter.payload() == null ? new byte[0] : letter.payload();
			return new DeadLetterResponse(letter.id(), letter.originalTopic(), letter.originalPartition(),
					letter.originalOffset(), letter.key(), header(letter, CloudEventHeaders.ID),
					header(letter, CloudEventHeaders.TYPE), letter.error(), letter.deadLetteredAt(),
					letter.replayedAt(), letter.replayCount(), StoredHeader.utf8(payload).orElse(null),
					Base64.getEncoder().encodeToString(payload),
					letter.headers().stream().map(HeaderResponse::of).toList());
		}

	}

	/** @param encoding {@code text} or {@code base64} */
	record HeaderResponse(String name, String value, String encoding) {

		static HeaderResponse of(StoredHeader header) {
			return header.text() != null ? new HeaderResponse(header.name(), header.text(), "text")
					: new HeaderResponse(header.name(), header.base64(), "base64");
		}

	}

	record DeadLetterPageResponse(List<DeadLetterSummaryResponse> items, int page, int size, long total) {
	}

	private static String header(DeadLetter letter, String name) {
		String value = null;
		for (StoredHeader header : letter.headers()) {
			if (header.name().equals(name) && header.text() != null) {
				value = header.text();
			}
		}
		return value;
	}

}
