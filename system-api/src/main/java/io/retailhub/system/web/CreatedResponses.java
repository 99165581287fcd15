package io.retailhub.system.web;

import java.net.URI;

import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The answers of a create endpoint: {@code 201 Created} with a {@code Location} of the new
 * resource ({@code <request URI>/<id>}), or {@code 200 OK} with the same document when the
 * request repeats one that already created it. Call only while serving the request.
 */
public final class CreatedResponses {

	private CreatedResponses() {
	}

	/** {@code 201 Created}, {@code Location: <request URI>/<id>}, the document as body. */
	public static <T> ResponseEntity<T> created(T document, Object id) {
		URI location = ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}").buildAndExpand(id).toUri();
		return ResponseEntity.created(location).body(document);
	}

	/**
	 * {@code 200 OK} when {@code repeat} (the document existed before this request), else as
	 * {@link #created}.
	 */
	public static <T> ResponseEntity<T> createdOrRepeated(boolean repeat, T document, Object id) {
		return repeat ? ResponseEntity.ok(document) : created(document, id);
	}
}
