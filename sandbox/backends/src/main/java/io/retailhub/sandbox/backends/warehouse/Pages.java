package io.retailhub.sandbox.backends.warehouse;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import io.retailhub.sandbox.backends.warehouse.WarehousePayloads.ListResponse;

/**
 * Cursor pagination as the WMS does it: {@code limit} (1..100, default 20) and an opaque
 * {@code cursor} taken from the previous page's {@code next_cursor}.
 */
final class Pages {

	static final int DEFAULT_LIMIT = 20;

	static final int MAX_LIMIT = 100;

	private static final String PREFIX = "offset:";

	private Pages() {
	}

	static <T> ListResponse<T> page(List<T> all, Integer limit, String cursor) {
		int size = limit == null ? DEFAULT_LIMIT : limit;
		if (size < 1 || size > MAX_LIMIT) {
			throw WarehouseApiException.badParameter("limit", "must be between 1 and " + MAX_LIMIT);
		}
		int from = cursor == null || cursor.isEmpty() ? 0 : decode(cursor);
		if (from > all.size()) {
			throw WarehouseApiException.badParameter("cursor", "is not a cursor of this list");
		}
		int to = Math.min(all.size(), from + size);
		boolean hasMore = to < all.size();
		return new ListResponse<>(List.copyOf(all.subList(from, to)), hasMore, hasMore ? encode(to) : null);
	}

	private static String encode(int offset) {
		return Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString((PREFIX + offset).getBytes(StandardCharsets.UTF_8));
	}

	private static int decode(String cursor) {
		try {
			String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
			if (decoded.startsWith(PREFIX)) {
				int offset = Integer.parseInt(decoded.substring(PREFIX.length()));
				if (offset >= 0) {
					return offset;
				}
			}
		}
		catch (IllegalArgumentException ex) {
			// falls through to the refusal below: Base64 or number malformed
		}
		throw WarehouseApiException.badParameter("cursor", "is not a valid cursor");
	}
}
