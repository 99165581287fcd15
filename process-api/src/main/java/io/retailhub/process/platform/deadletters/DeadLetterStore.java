package io.retailhub.process.platform.deadletters;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The dead_letter table. */
@Component
class DeadLetterStore {

	private static final TypeReference<List<StoredHeader>> HEADERS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	DeadLetterStore(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/**
	 * Stores a dead letter unless one from the same original record is stored already (a
	 * dead-letter record delivered twice, or dead-lettered twice).
	 * @return true if stored now
	 */
	boolean insert(DeadLetter letter) {
		return this.jdbc.sql("""
				INSERT INTO dead_letter (id, original_topic, original_partition, original_offset, message_key, payload,
					headers, error, dead_lettered_at, replay_count)
				VALUES (:id, :topic, :partition, :offset, :key, :payload, CAST(:headers AS jsonb), :error, :at, 0)
				ON CONFLICT (original_topic, original_partition, original_offset) DO NOTHING""")
			.param("id", letter.id())
			.param("topic", letter.originalTopic())
			.param("partition", letter.originalPartition())
			.param("offset", letter.originalOffset())
			.param("key", letter.key())
			.param("payload", letter.payload())
			.param("headers", this.json.writeValueAsString(letter.headers()))
			.param("error", letter.error())
			.param("at", OffsetDateTime.ofInstant(letter.deadLetteredAt(), ZoneOffset.UTC))
			.update() == 1;
	}

	/** Newest first. */
	List<DeadLetter> page(int page, int size) {
		return this.jdbc.sql("""
				SELECT * FROM dead_letter ORDER BY dead_lettered_at DESC, id LIMIT :size OFFSET :offset""")
			.param("size", size)
			.param("offset", (long) page * size)
			.query(this::deadLetter)
			.list();
	}

	long count() {
		return this.jdbc.sql("SELECT count(*) FROM dead_letter").query(Long.class).single();
	}

	Optional<DeadLetter> find(UUID id) {
		return this.jdbc.sql("SELECT * FROM dead_letter WHERE id = :id").param("id", id).query(this::deadLetter).optional();
	}

	/** @return the dead letter after counting the replay */
	Optional<DeadLetter> markReplayed(UUID id) {
		return this.jdbc.sql("""
				UPDATE dead_letter SET replayed_at = now(), replay_count = replay_count + 1 WHERE id = :id
				RETURNING *""")
			.param("id", id)
			.query(this::deadLetter)
			.optional();
	}

	private DeadLetter deadLetter(ResultSet rs, int row) throws SQLException {
		return new DeadLetter(rs.getObject("id", UUID.class), rs.getString("original_topic"),
				rs.getInt("original_partition"), rs.getLong("original_offset"), rs.getString("message_key"),
				rs.getBytes("payload"), this.json.readValue(rs.getString("headers"), HEADERS), rs.getString("error"),
				instant(rs.getTimestamp("dead_lettered_at")), instant(rs.getTimestamp("replayed_at")),
				rs.getInt("replay_count"));
	}

	private static Instant instant(Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}

}
