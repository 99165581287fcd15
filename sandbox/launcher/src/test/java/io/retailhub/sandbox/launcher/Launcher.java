package io.retailhub.sandbox.launcher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One launcher JVM, started from the packaged jar ({@code launcher.jar} system property) the way
 * the README does, on free ports and a given data directory, and what it printed.
 */
final class Launcher {

	static final Pattern SYSTEM_API_URL = Pattern.compile("System API\\s+(http://\\S+)");

	static final Pattern PROCESS_API_URL = Pattern.compile("Process API\\s+(http://[^/\\s]+)");

	static final Pattern SANDBOX_URL = Pattern.compile("Sandbox admin\\s+(http://[^/\\s]+)");

	static final Pattern EXPERIENCE_API_URL = Pattern.compile("Experience API\\s+(http://[^/\\s]+)");

	static final Pattern IDENTITY_URL = Pattern.compile("Identity\\s+(http://\\S+)");

	static final Pattern KAFKA = Pattern.compile("Kafka\\s+(localhost:\\d+)");

	final Process process;

	private final List<String> output = new CopyOnWriteArrayList<>();

	private final Thread outputReader;

	/** Starts the packaged jar on free ports, receiving parcels 1 s after their RMA exists unless {@code environment} says otherwise. */
	Launcher(Path dataDirectory, Map<String, String> environment) throws IOException {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		ProcessBuilder builder = new ProcessBuilder(java, "-jar", System.getProperty("launcher.jar"))
			.redirectErrorStream(true);
		builder.environment().put("RETAILHUB_PG_PORT", "0");
		builder.environment().put("RETAILHUB_KAFKA_PORT", "0");
		builder.environment().put("RETAILHUB_SANDBOX_PORT", "0");
		builder.environment().put("RETAILHUB_IDENTITY_PORT", "0");
		builder.environment().put("RETAILHUB_SYSTEM_API_PORT", "0");
		builder.environment().put("RETAILHUB_PROCESS_API_PORT", "0");
		builder.environment().put("RETAILHUB_EXPERIENCE_API_PORT", "0");
		builder.environment().put("RETAILHUB_AUTO_RECEIVE_AFTER", "1s");
		builder.environment().put("RETAILHUB_DATA_DIR", dataDirectory.toString());
		builder.environment().putAll(environment);
		this.process = builder.start();
		this.outputReader = new Thread(this::collectOutput, "launcher-output");
		this.outputReader.setDaemon(true);
		this.outputReader.start();
	}

	/** A ceiling for a first start on a busy machine (unpacking PostgreSQL, formatting, four contexts). */
	void awaitReady() {
		await().atMost(Duration.ofMinutes(5))
			.until(() -> this.output.contains(LocalHub.READY) || !this.process.isAlive());
		assertThat(this.process.isAlive()).as("launcher running; its output:%n%s", String.join("\n", this.output))
			.isTrue();
	}

	List<String> output() {
		return List.copyOf(this.output);
	}

	URI printedUrl(Pattern pattern) {
		return URI.create(printed(pattern));
	}

	String printedKafka() {
		return printed(KAFKA);
	}

	private String printed(Pattern pattern) {
		return this.output.stream()
			.map(pattern::matcher)
			.filter(Matcher::find)
			.map(matcher -> matcher.group(1))
			.findFirst()
			.orElseThrow(() -> new AssertionError("nothing printed for " + pattern));
	}

	/**
	 * SIGTERM, as {@link Process#destroy()} sends, but without closing this end of the output
	 * pipe as that does: the launcher's shutdown lines still arrive.
	 */
	void sigterm() {
		this.process.toHandle().destroy();
	}

	/** SIGKILL: the JVM stops where it is, nothing of it runs any more, no shutdown hook. */
	void kill() throws InterruptedException {
		this.process.destroyForcibly();
		assertThat(this.process.waitFor(30, TimeUnit.SECONDS)).as("killed").isTrue();
		this.outputReader.join(Duration.ofSeconds(5).toMillis());
	}

	void stop() throws InterruptedException {
		if (this.process.isAlive()) {
			sigterm();
			if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
				this.process.destroyForcibly();
			}
		}
		this.outputReader.join(Duration.ofSeconds(5).toMillis());
	}

	/** Keeps every line for the assertions and echoes it to the test's own output for diagnosis. */
	private void collectOutput() {
		try (BufferedReader lines = new BufferedReader(
				new InputStreamReader(this.process.getInputStream(), StandardCharsets.UTF_8))) {
			lines.lines().forEach(line -> {
				System.out.println("[launcher] " + line);
				this.output.add(line);
			});
		}
		catch (IOException | UncheckedIOException ex) {
			// the process went away: what it wrote so far has been kept
		}
	}

}
