package io.retailhub.sandbox.backends.warehouse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A webhook subscriber for tests: a plain HTTP server on a free port that records every request
 * and answers with the statuses it is told to (200 once they run out), optionally holding every
 * answer until {@link #open()}.
 */
final class WebhookReceiver implements AutoCloseable {

	private final HttpServer server;

	private final List<Received> received = new CopyOnWriteArrayList<>();

	private final Deque<Integer> statuses = new ArrayDeque<>();

	private volatile CountDownLatch gate = new CountDownLatch(0);

	private WebhookReceiver(HttpServer server) {
		this.server = server;
	}

	static WebhookReceiver start() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
			WebhookReceiver receiver = new WebhookReceiver(server);
			server.createContext("/hooks", receiver::handle);
			server.setExecutor(Executors.newCachedThreadPool());
			server.start();
			return receiver;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	String url() {
		return "http://localhost:" + server.getAddress().getPort() + "/hooks";
	}

	/** The next answers, in order; 200 once they are used up. */
	synchronized WebhookReceiver answering(Integer... statuses) {
		this.statuses.addAll(List.of(statuses));
		return this;
	}

	/** Holds every answer until {@link #open()}. */
	WebhookReceiver closed() {
		gate = new CountDownLatch(1);
		return this;
	}

	void open() {
		gate.countDown();
	}

	List<Received> received() {
		return List.copyOf(received);
	}

	/** The requests whose event is about this RMA, in arrival order. */
	List<Received> about(String rmaNumber) {
		return received.stream().filter(r -> rmaNumber.equals(r.json().path("data").path("rma_number").asString(null))).toList();
	}

	@Override
	public void close() {
		gate.countDown();
		server.stop(0);
	}

	private void handle(HttpExchange exchange) throws IOException {
		byte[] body = exchange.getRequestBody().readAllBytes();
		int status;
		synchronized (this) {
			status = statuses.isEmpty() ? 200 : statuses.poll();
		}
		received.add(new Received(exchange.getRequestHeaders().getFirst(WebhookSignature.HEADER),
				exchange.getRequestHeaders().getFirst("Content-Type"), body, Instant.now(), status));
		try {
			gate.await(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		exchange.sendResponseHeaders(status, -1);
		exchange.close();
	}

	/** One request as it arrived, and what it was answered. */
	record Received(String signature, String contentType, byte[] body, Instant at, int answered) {

		JsonNode json() {
			return JsonMapper.shared().readTree(body);
		}

		String text() {
			return new String(body, StandardCharsets.UTF_8);
		}
	}
}
