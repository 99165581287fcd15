package io.retailhub.web;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.retailhub.web.testapp.HubWebTestApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Spans leave a service over OTLP only where an endpoint is configured (one environment variable
 * in a deployment), and then they do: a span continuing a caller's trace reaches a collector.
 */
class TraceExportIntegrationTests {

	/** What a collector's OTLP/HTTP traces endpoint was sent: every body posted. */
	static final List<byte[]> exported = new CopyOnWriteArrayList<>();

	static final ServerSocket collector = startCollector();

	@AfterAll
	static void stopCollector() throws IOException {
		collector.close();
	}

	/*
	 * No web server in these contexts: a second Tomcat in the test JVM would log its errors where
	 * the other test classes' captured output does not see them. The span stands for a request's.
	 */

	@Nested
	@SpringBootTest(classes = HubWebTestApplication.class, webEnvironment = WebEnvironment.NONE,
			properties = "management.opentelemetry.tracing.export.schedule-delay=100ms")
	class WithAnEndpoint {

		@DynamicPropertySource
		static void collectorEndpoint(DynamicPropertyRegistry registry) {
			registry.add("management.opentelemetry.tracing.export.otlp.endpoint",
					() -> "http://127.0.0.1:" + collector.getLocalPort() + "/v1/traces");
		}

		@Autowired
		Tracer tracer;

		@Autowired
		Propagator propagator;

		@Test
		void exportsSpansInTheCallersTrace() {
			byte[] traceId = random(16);
			String traceparent = "00-" + HexFormat.of().formatHex(traceId) + "-" + HexFormat.of().formatHex(random(8))
					+ "-01";
			Span span = this.propagator.extract(Map.of("traceparent", traceparent), Map::get).name("request").start();
			span.end();

			// OTLP's protobuf carries the trace ID as its 16 raw bytes
			await().atMost(Duration.ofSeconds(20))
				.until(() -> exported.stream().anyMatch(body -> contains(body, traceId)));
		}

	}

	@Nested
	@SpringBootTest(classes = HubWebTestApplication.class, webEnvironment = WebEnvironment.NONE)
	class ByDefault {

		@Autowired
		ApplicationContext context;

		@Test
		void exportsNothing() {
			assertThat(this.context.getBeanProvider(OtlpHttpSpanExporter.class).getIfAvailable()).isNull();
		}

	}

	/**
	 * A bare HTTP/1.1 server on a socket (the JDK's HttpServer would set up java.util.logging for
	 * the whole test JVM): answers 200 to each POST and keeps its body.
	 */
	private static ServerSocket startCollector() {
		try {
			ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
			Thread accepting = new Thread(() -> {
				while (!server.isClosed()) {
					try (Socket connection = server.accept()) {
						serve(connection);
					}
					catch (IOException ex) {
						// closed at the end of the tests, or a client that went away
					}
				}
			}, "test-collector");
			accepting.setDaemon(true);
			accepting.start();
			return server;
		}
		catch (IOException ex) {
			throw new IllegalStateException("could not start the test collector", ex);
		}
	}

	private static void serve(Socket connection) throws IOException {
		DataInputStream in = new DataInputStream(connection.getInputStream());
		OutputStream out = connection.getOutputStream();
		while (true) {
			int length = -1;
			String line = readLine(in);
			if (line == null) {
				return;
			}
			while (!(line = readLine(in)).isEmpty()) {
				if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
					length = Integer.parseInt(line.substring("content-length:".length()).trim());
				}
			}
			byte[] body = new byte[Math.max(0, length)];
			in.readFully(body);
			exported.add(body);
			out.write("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
			out.flush();
		}
	}

	private static String readLine(DataInputStream in) throws IOException {
		StringBuilder line = new StringBuilder();
		int c;
		while ((c = in.read()) != -1 && c != '\n') {
			if (c != '\r') {
				line.append((char) c);
			}
		}
		return c == -1 && line.isEmpty() ? null : line.toString();
	}

	private static byte[] random(int bytes) {
		byte[] random = new byte[bytes];
		ThreadLocalRandom.current().nextBytes(random);
		return random;
	}

	private static boolean contains(byte[] body, byte[] part) {
		outer: for (int i = 0; i + part.length <= body.length; i++) {
			for (int j = 0; j < part.length; j++) {
				if (body[i + j] != part[j]) {
					continue outer;
				}
			}
			return true;
		}
		return false;
	}

}
