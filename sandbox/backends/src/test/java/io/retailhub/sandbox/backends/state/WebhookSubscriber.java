package io.retailhub.sandbox.backends.state;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/** A webhook subscriber on a free port that answers 200 and keeps every body it got. */
final class WebhookSubscriber implements AutoCloseable {

	private final HttpServer server;

	private final List<String> bodies = new CopyOnWriteArrayList<>();

	WebhookSubscriber() {
		try {
			this.server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.server.createContext("/hooks", this::handle);
		this.server.start();
	}

	String url() {
		return "http://localhost:" + server.getAddress().getPort() + "/hooks";
	}

	List<String> bodies() {
		return List.copyOf(bodies);
	}

	private void handle(HttpExchange exchange) throws IOException {
		bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
		exchange.sendResponseHeaders(200, -1);
		exchange.close();
	}

	@Override
	public void close() {
		server.stop(0);
	}
}
