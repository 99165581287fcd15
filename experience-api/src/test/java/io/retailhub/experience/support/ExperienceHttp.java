package io.retailhub.experience.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Real HTTP to the experience API under test, as a channel would send it. */
public final class ExperienceHttp {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String root;

	public ExperienceHttp(int port) {
		this.root = "http://localhost:" + port;
	}

	public record Answer(int status, Map<String, String> headers, String text, long millis) {

		public JsonNode json() {
			return text.isEmpty() ? JSON.nullNode() : JSON.readTree(text);
		}

		public String header(String name) {
			return headers.get(name.toLowerCase(java.util.Locale.ROOT));
		}

		/** The body without what differs between any two answers: the correlation ID. */
		public JsonNode problemWithoutCorrelation() {
			tools.jackson.databind.node.ObjectNode body = (tools.jackson.databind.node.ObjectNode) json();
			body.remove("correlationId");
			return body;
		}
	}

	public Answer get(String path, String token) {
		return send(request(path, token).GET());
	}

	public Answer post(String path, String token, String json) {
		return post(path, token, json, Map.of());
	}

	public Answer post(String path, String token, String json, Map<String, String> headers) {
		HttpRequest.Builder request = request(path, token).header("Content-Type", "application/json")
			.POST(json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
		headers.forEach(request::header);
		return send(request);
	}

	private HttpRequest.Builder request(String path, String token) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.root + path))
			.timeout(Duration.ofSeconds(30))
			.header("Accept", "application/json, application/problem+json");
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return request;
	}

	private Answer send(HttpRequest.Builder request) {
		long started = System.nanoTime();
		try {
			HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
			Map<String, String> headers = new LinkedHashMap<>();
			response.headers().map().forEach((name, values) -> headers.put(name.toLowerCase(java.util.Locale.ROOT),
					String.join(",", values)));
			return new Answer(response.statusCode(), headers, response.body(), millis);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}
}
