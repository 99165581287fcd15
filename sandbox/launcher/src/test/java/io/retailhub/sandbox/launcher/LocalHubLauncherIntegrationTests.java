package io.retailhub.sandbox.launcher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Starts the packaged launcher the way the README does, as a separate JVM, on free ports and a
 * fresh data directory. Run by failsafe after {@code package}; the jar's path comes from the
 * {@code launcher.jar} system property.
 */
class LocalHubLauncherIntegrationTests {

	private static final Pattern SYSTEM_API_URL = Pattern.compile("System API\\s+(http://\\S+)");

	private static final Pattern PROCESS_API_URL = Pattern.compile("Process API\\s+(http://[^/\\s]+)");

	private static final Pattern SANDBOX_URL = Pattern.compile("Sandbox admin\\s+(http://[^/\\s]+)");

	private static final Pattern RETURN_ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");

	private static final Pattern STATUS = Pattern.compile("\"status\":\"([A-Z_]+)\"");

	private final List<String> output = new CopyOnWriteArrayList<>();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private Process launcher;

	private Thread outputReader;

	/**
	 * After a failed assertion: gently first, so that the launcher still stops its PostgreSQL.
	 * Then the launcher's last lines, its shutdown, reach the test output.
	 */
	@AfterEach
	void stopLauncherIfStillRunning() throws InterruptedException {
		if (this.launcher != null && this.launcher.isAlive()) {
			sigterm(this.launcher);
			if (!this.launcher.waitFor(30, TimeUnit.SECONDS)) {
				this.launcher.destroyForcibly();
			}
		}
		if (this.outputReader != null) {
			this.outputReader.join(Duration.ofSeconds(5).toMillis());
		}
	}

	@Test
	void startsTheHubAnswersAndStopsCleanlyOnSigterm(@TempDir Path dataDirectory) throws Exception {
		// given the launcher started as the README does, on free ports
		this.launcher = startLauncher(dataDirectory);

		// when it says it is ready
		await().atMost(Duration.ofMinutes(3))
			.until(() -> this.output.contains(LocalHub.READY) || !this.launcher.isAlive());
		assertThat(this.launcher.isAlive()).as("launcher running; its output:%n%s", String.join("\n", this.output))
			.isTrue();

		// then the system API it printed answers, health first, then an order from the sandbox's ERP
		URI systemApi = printedSystemApiUrl();
		assertThat(get(systemApi.resolve("/actuator/health"))).isEqualTo(200);
		assertThat(get(systemApi.resolve("/api/system/v1/orders/WEB-100001"))).isEqualTo(200);

		// and a return created over HTTP goes all the way: the sandbox warehouse receives the parcel
		// by itself, the refund is paid and the return closes
		URI processApi = printedUrl(PROCESS_API_URL);
		HttpResponse<String> created = this.http.send(HttpRequest.newBuilder(processApi.resolve("/api/process/v1/returns"))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json")
			.header("Idempotency-Key", "launcher-test-1")
			.POST(HttpRequest.BodyPublishers.ofString("""
					{"orderId":"WEB-100001","channel":"PORTAL","lines":[{"lineNumber":"20","quantity":1,"reason":"SIZE_TOO_SMALL"}]}"""))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		Matcher id = RETURN_ID.matcher(created.body());
		assertThat(id.find()).isTrue();
		URI returnUri = processApi.resolve("/api/process/v1/returns/" + id.group(1));
		await().atMost(Duration.ofMinutes(2))
			.pollInterval(Duration.ofMillis(500))
			.untilAsserted(() -> assertThat(status(returnUri)).isEqualTo("CLOSED"));
		assertThat(get(processApi.resolve("/api/process/v1/workflows/" + id.group(1)))).isEqualTo(200);
		// and what happened went through Kafka: the launcher prints every event as it passes
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(this.output)
			.anyMatch(line -> line.startsWith("[event]") && line.contains("io.retailhub.refund.posted.v1"))
			.anyMatch(line -> line.startsWith("[event]") && line.contains("io.retailhub.return.closed.v1")));

		// and an order placed in the sandbox's ERP is confirmed on Kafka by the order feed
		HttpResponse<String> placed = this.http.send(HttpRequest
			.newBuilder(printedUrl(SANDBOX_URL).resolve("/admin/erp/sales-orders"))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("""
					{"orderNumber":"WEB-LAUNCHER-1","customerNumber":"17100001","lines":[{"sku":"MAT-1001","quantity":1}]}"""))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(placed.statusCode()).as(placed.body()).isEqualTo(201);
		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(this.output)
			.anyMatch(line -> line.startsWith("[event]") && line.contains("io.retailhub.order.confirmed.v1")
					&& line.contains("orders/WEB-LAUNCHER-1")));

		// and SIGTERM stops it cleanly
		sigterm(this.launcher);
		assertThat(this.launcher.waitFor(20, TimeUnit.SECONDS)).as("exited within 20 s").isTrue();
		assertThat(this.launcher.exitValue()).isIn(0, 143);
	}

	/**
	 * SIGTERM, as {@link Process#destroy()} sends, but without closing this end of the output
	 * pipe as that does: the launcher's shutdown lines still arrive.
	 */
	private static void sigterm(Process process) {
		process.toHandle().destroy();
	}

	private Process startLauncher(Path dataDirectory) throws IOException {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		ProcessBuilder builder = new ProcessBuilder(java, "-jar", System.getProperty("launcher.jar"))
			.redirectErrorStream(true);
		builder.environment().put("RETAILHUB_PG_PORT", "0");
		builder.environment().put("RETAILHUB_KAFKA_PORT", "0");
		builder.environment().put("RETAILHUB_SANDBOX_PORT", "0");
		builder.environment().put("RETAILHUB_SYSTEM_API_PORT", "0");
		builder.environment().put("RETAILHUB_PROCESS_API_PORT", "0");
		builder.environment().put("RETAILHUB_AUTO_RECEIVE_AFTER", "1s");
		builder.environment().put("RETAILHUB_DATA_DIR", dataDirectory.toString());
		Process process = builder.start();
		this.outputReader = new Thread(() -> collectOutput(process), "launcher-output");
		this.outputReader.setDaemon(true);
		this.outputReader.start();
		return process;
	}

	/** Keeps every line for the assertions and echoes it to the test's own output for diagnosis. */
	private void collectOutput(Process process) {
		try (BufferedReader lines = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			lines.lines().forEach(line -> {
				System.out.println("[launcher] " + line);
				this.output.add(line);
			});
		}
		catch (IOException | UncheckedIOException ex) {
			// the process went away: what it wrote so far has been kept
		}
	}

	private URI printedSystemApiUrl() {
		return printedUrl(SYSTEM_API_URL);
	}

	private URI printedUrl(Pattern pattern) {
		return this.output.stream()
			.map(pattern::matcher)
			.filter(Matcher::find)
			.map(matcher -> URI.create(matcher.group(1)))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no URL printed for " + pattern));
	}

	/** The top-level status of a return (the first "status" member of its JSON). */
	private String status(URI returnUri) throws IOException, InterruptedException {
		HttpResponse<String> response = this.http.send(
				HttpRequest.newBuilder(returnUri).timeout(Duration.ofSeconds(30)).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		Matcher status = STATUS.matcher(response.body());
		return status.find() ? status.group(1) : "none: " + response.statusCode();
	}

	private int get(URI uri) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET().build();
		return this.http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
	}

}
