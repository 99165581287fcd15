package io.retailhub.sandbox.backends.carrier;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A carrier webhook subscriber for tests: a plain HTTP server on a free port that records every
 * request with its {@code X-Hmac-Signature}, and answers with the statuses it is told to (200 once
 * they run out).
 */
final class TrackerWebhookReceiver implements AutoCloseable {

	private final HttpServer server;

	private final List<Received> received = new CopyOnWriteArrayList<>();

	private final Deque<Integer> statuses = new ArrayDeque<>();

	TrackerWebhookReceiver() {
		try {
			this.server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.server.createContext("/easypost", this::handle);
		this.server.start();
	}

	String url() {
		return "http://localhost:" + server.getAddress().getPort() + "/easypost";
	}

	/** The next answers, in order; 200 once they are used up. */
	synchronized TrackerWebhookReceiver answering(Integer... statuses) {
		this.statuses.addAll(List.of(statuses));
		return this;
	}

	/** The requests about one tracking code, in arrival order. */
	List<Received> about(String trackingCode) {
		return received.stream()
			.filter(r -> trackingCode.equals(r.json().path("result").path("tracking_code").asString(null)))
			.toList();
	}

	@Override
	public void close() {
		server.stop(0);
	}

	private void handle(HttpExchange exchange) throws IOException {
		byte[] body = exchange.getRequestBody().readAllBytes();
		int status;
		synchronized (this) {
			status = statuses.isEmpty() ? 200 : statuses.poll();
		}
		received.add(new Received(exchange.getRequestHeaders().getFirst(HmacSignature.HEADER),
				exchange.getRequestHeaders().getFirst("Content-Type"), body, status));
		exchange.sendResponseHeaders(status, -1);
		exchange.close();
	}

	/** One request as it arrived, and what it was answered. */
	record Received(String signature, String contentType, byte[] body, int answered) {

		JsonNode json() {
			return JsonMapper.shared().readTree(body);
		}
	}
}
