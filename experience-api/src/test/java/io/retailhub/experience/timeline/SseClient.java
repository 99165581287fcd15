package io.retailhub.experience.timeline;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/**
 * A Server-Sent Events client over a real HTTP connection: reads the stream on a thread of its
 * own and keeps every event (id, event name, data) and comment it received.
 */
final class SseClient implements AutoCloseable {

	/** One event of the stream. */
	record Event(String id, String name, String data) {
	}

	private final List<Event> events = new CopyOnWriteArrayList<>();

	private final List<String> comments = new CopyOnWriteArrayList<>();

	private final HttpResponse<Stream<String>> response;

	private final Thread reader;

	private SseClient(HttpResponse<Stream<String>> response) {
		this.response = response;
		this.reader = new Thread(this::read, "sse-client");
		this.reader.setDaemon(true);
		this.reader.start();
	}

	/**
	 * Connects and waits for the response headers.
	 * @param headers extra request headers, e.g. {@code Last-Event-ID}
	 */
	static SseClient connect(String url, Map<String, String> headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
			.header("Accept", "text/event-stream")
			.timeout(Duration.ofMinutes(2))
			.GET();
		headers.forEach(request::header);
		try {
			return new SseClient(HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofLines()));
		}
		catch (Exception ex) {
			throw new IllegalStateException("could not connect to " + url, ex);
		}
	}

	int status() {
		return this.response.statusCode();
	}

	String contentType() {
		return this.response.headers().firstValue("Content-Type").orElse("");
	}

	List<Event> events() {
		return List.copyOf(this.events);
	}

	List<String> comments() {
		return List.copyOf(this.comments);
	}

	private void read() {
		String id = null;
		String name = null;
		StringBuilder data = new StringBuilder();
		try (Stream<String> lines = this.response.body()) {
			for (String line : (Iterable<String>) lines::iterator) {
				if (line.isEmpty()) {
					if (data.length() > 0 || id != null) {
						this.events.add(new Event(id, name, data.toString()));
					}
					id = null;
					name = null;
					data.setLength(0);
				}
				else if (line.startsWith(":")) {
					this.comments.add(line.substring(1));
				}
				else if (line.startsWith("id:")) {
					id = line.substring(3).strip();
				}
				else if (line.startsWith("event:")) {
					name = line.substring(6).strip();
				}
				else if (line.startsWith("data:")) {
					data.append(data.length() > 0 ? "\n" : "").append(line.substring(5).strip());
				}
			}
		}
		catch (RuntimeException ex) {
			// the stream was closed
		}
	}

	@Override
	public void close() {
		this.response.body().close();
		this.reader.interrupt();
	}

}
