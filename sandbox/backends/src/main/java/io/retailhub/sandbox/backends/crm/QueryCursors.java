package io.retailhub.sandbox.backends.crm;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * SOQL results larger than one batch: the first batch is answered with {@code done:false} and a
 * {@code nextRecordsUrl} ({@code /services/data/v60.0/query/01g...-200}), which serves the next
 * batch from a snapshot of the result taken when the query ran. Snapshots live 15 minutes; at
 * most 50 are kept (the oldest is dropped first). Batch sizes from 1 to 2000 are honoured so that
 * paging is easy to exercise (Salesforce itself treats 200 as the minimum).
 */
@Component
class QueryCursors {

	private static final Duration TIME_TO_LIVE = Duration.ofMinutes(15);

	private static final int MAX_OPEN = 50;

	private static final int MAX_BATCH = 2000;

	private record Cursor(List<Map<String, Object>> rows, int batchSize, Instant expiresAt) {
	}

	private final Map<String, Cursor> open = new LinkedHashMap<>(16, 0.75f, false) {
		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Cursor> eldest) {
			return size() > MAX_OPEN;
		}
	};

	private final Clock clock;

	private long sequence;

	QueryCursors(Clock clock) {
		this.clock = clock;
	}

	/** The first batch of a query result, opening a cursor when more batches remain. */
	synchronized Map<String, Object> firstBatch(List<Map<String, Object>> rows, int batchSize, String version) {
		int size = clamp(batchSize);
		String cursorId = null;
		if (rows.size() > size) {
			Instant now = clock.instant();
			open.values().removeIf(c -> !c.expiresAt().isAfter(now));
			cursorId = "01g5g" + String.format("%010d", ++sequence) + "AAA";
			open.put(cursorId, new Cursor(List.copyOf(rows), size, now.plus(TIME_TO_LIVE)));
		}
		return batch(rows, 0, size, cursorId, version);
	}

	/** The batch at {@code locator} ({@code <cursor>-<offset>}); {@code batchSize} null keeps the cursor's. */
	synchronized Map<String, Object> nextBatch(String locator, Integer batchSize, String version) {
		int dash = locator.lastIndexOf('-');
		Cursor cursor = dash > 0 ? open.get(locator.substring(0, dash)) : null;
		String offsetText = dash > 0 ? locator.substring(dash + 1) : "";
		if (cursor == null || cursor.expiresAt().isBefore(clock.instant()) || offsetText.isEmpty()
				|| offsetText.length() > 9 || !offsetText.chars().allMatch(Character::isDigit)
				|| Integer.parseInt(offsetText) >= cursor.rows().size()) {
			throw SalesforceException.badRequest("INVALID_QUERY_LOCATOR", "invalid query locator");
		}
		int size = batchSize == null ? cursor.batchSize() : clamp(batchSize);
		return batch(cursor.rows(), Integer.parseInt(offsetText), size, locator.substring(0, dash), version);
	}

	private static Map<String, Object> batch(List<Map<String, Object>> rows, int offset, int size, String cursorId,
			String version) {
		int end = Math.min(rows.size(), offset + size);
		boolean done = end >= rows.size();
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("totalSize", rows.size());
		body.put("done", done);
		if (!done) {
			body.put("nextRecordsUrl", "/services/data/" + version + "/query/" + cursorId + "-" + end);
		}
		body.put("records", rows.subList(offset, end));
		return body;
	}

	private static int clamp(int batchSize) {
		return Math.max(1, Math.min(MAX_BATCH, batchSize));
	}
}
