package io.retailhub.web;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;

import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.retailhub.web.testapp.HubWebTestApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Spans leave a service over OTLP only where an endpoint is configured (one environment variable
 * in a deployment), and then they do: a request's spans reach a collector, in the caller's trace.
 */
class TraceExportIntegrationTests {

	/** A collector's OTLP/HTTP traces endpoint: keeps every body posted to /v1/traces. */
	static final List<byte[]> exported = new CopyOnWriteArrayList<>();

	static final HttpServer collector = startCollector();

	@AfterAll
	static void stopCollector() {
		collector.stop(0);
	}

	@Nested
	@SpringBootTest(classes = HubWebTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
			properties = "management.opentelemetry.tracing.export.schedule-delay=100ms")
	class WithAnEndpoint {

		@DynamicPropertySource
		static void collectorEndpoint(DynamicPropertyRegistry registry) {
			registry.add("management.opentelemetry.tracing.export.otlp.endpoint",
					() -> "http://127.0.0.1:" + collector.getAddress().getPort() + "/v1/traces");
		}

		@LocalServerPort
		int port;

		@Test
		void exportsTheSpansOfARequestInTheCallersTrace() throws Exception {
			byte[] traceId = random(16);
			HttpResponse<Void> answer = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/things/WEB-100001"))
					.header("traceparent", "00-" + HexFormat.of().formatHex(traceId) + "-"
							+ HexFormat.of().formatHex(random(8)) + "-01")
					.build(), HttpResponse.BodyHandlers.discarding());
			assertThat(answer.statusCode()).isEqualTo(200);

			// OTLP's protobuf carries the trace ID as its 16 raw bytes
			await().atMost(Duration.ofSeconds(20))
				.until(() -> exported.stream().anyMatch(body -> contains(body, traceId)));
		}

	}

	@Nested
	@SpringBootTest(classes = HubWebTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
	class ByDefault {

		@Autowired
		ApplicationContext context;

		@Test
		void exportsNothing() {
			assertThat(this.context.getBeanProvider(OtlpHttpSpanExporter.class).getIfAvailable()).isNull();
		}

	}

	private static HttpServer startCollector() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			server.createContext("/v1/traces", exchange -> {
				exported.add(exchange.getRequestBody().readAllBytes());
				exchange.sendResponseHeaders(200, -1);
				exchange.close();
			});
			server.start();
			return server;
		}
		catch (IOException ex) {
			throw new IllegalStateException("could not start the test collector", ex);
		}
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
