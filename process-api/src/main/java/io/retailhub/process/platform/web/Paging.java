package io.retailhub.process.platform.web;

import java.util.List;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Bounded pages for list endpoints: {@code limit} (1 to {@value #MAX_LIMIT}, default
 * {@value #DEFAULT_LIMIT}) and a zero-based {@code page} (at most {@value #MAX_PAGE}). The body stays
 * a JSON array; a full page carries {@code Link: <...&page=n+1>; rel="next"} (the next page may be
 * empty).
 */
public final class Paging {

	public static final int DEFAULT_LIMIT = 50;

	public static final int MAX_LIMIT = 100;

	public static final int MAX_PAGE = 10_000;

	private Paging() {
	}

	/** The page to read; the bounds are checked by the controllers' parameter constraints. */
	public static Pageable of(int page, int limit) {
		return PageRequest.of(page, limit);
	}

	/** The page as the answer, with a link to the next page when this one is full. */
	public static <T> ResponseEntity<List<T>> answer(List<T> items, int page, int limit) {
		ResponseEntity.BodyBuilder ok = ResponseEntity.ok();
		if (items.size() == limit && page < MAX_PAGE) {
			String next = ServletUriComponentsBuilder.fromCurrentRequest()
				.replaceQueryParam("page", page + 1)
				.replaceQueryParam("limit", limit)
				.build()
				.toUriString();
			ok.header(HttpHeaders.LINK, "<" + next + ">; rel=\"next\"");
		}
		return ok.body(items);
	}
}
