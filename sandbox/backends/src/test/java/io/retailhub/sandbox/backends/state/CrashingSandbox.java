package io.retailhub.sandbox.backends.state;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.retailhub.sandbox.backends.SandboxBackendsApplication;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The sandbox in a JVM of its own, on a state directory, to be killed with SIGKILL: nothing of it
 * runs after that, no shutdown hook, no last snapshot. The child runs {@link #main(String[])}:
 * it starts the sandbox on a free port and prints {@value #READY} and the port.
 */
final class CrashingSandbox {

	static final String READY = "sandbox ready on port ";

	private static final Pattern PORT = Pattern.compile(Pattern.quote(READY) + "(\\d+)");

	private final Process process;

	private final List<String> output = new CopyOnWriteArrayList<>();

	private final Thread reader;

	private CrashingSandbox(Process process) {
		this.process = process;
		this.reader = new Thread(this::collectOutput, "crashing-sandbox-output");
		this.reader.setDaemon(true);
		this.reader.start();
	}

	/** Starts the child on the directory with the given sandbox properties and waits until it serves. */
	static CrashingSandbox start(Path directory, String... properties) throws IOException {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
				CrashingSandbox.class.getName(), "--server.port=0", "--spring.main.banner-mode=off",
				"--sandbox.state.directory=" + directory));
		for (String property : properties) {
			command.add("--" + property);
		}
		CrashingSandbox sandbox = new CrashingSandbox(new ProcessBuilder(command).redirectErrorStream(true).start());
		await().atMost(Duration.ofMinutes(2)).until(() -> sandbox.port() > 0 || !sandbox.process.isAlive());
		assertThat(sandbox.port()).as("the child serves; its output:%n%s", String.join("\n", sandbox.output))
			.isPositive();
		return sandbox;
	}

	int port() {
		return output.stream()
			.map(PORT::matcher)
			.filter(Matcher::find)
			.mapToInt(matcher -> Integer.parseInt(matcher.group(1)))
			.findFirst()
			.orElse(0);
	}

	/** SIGKILL, and waits until the JVM is gone. */
	void kill() throws InterruptedException {
		process.destroyForcibly();
		assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("killed").isTrue();
		reader.join(Duration.ofSeconds(5).toMillis());
	}

	private void collectOutput() {
		try (BufferedReader lines = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			lines.lines().forEach(line -> {
				System.out.println("[crashing sandbox] " + line);
				output.add(line);
			});
		}
		catch (IOException | UncheckedIOException ex) {
			// the child is gone: what it printed has been kept
		}
	}

	/** In the child: the sandbox's own arguments. Tomcat's threads keep the JVM alive until it is killed. */
	public static void main(String[] args) {
		ConfigurableApplicationContext context = SandboxBackendsApplication.builder().run(args);
		System.out.println(READY + context.getEnvironment().getProperty("local.server.port"));
	}
}
