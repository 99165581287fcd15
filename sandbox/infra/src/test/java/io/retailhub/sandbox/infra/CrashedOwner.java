package io.retailhub.sandbox.infra;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A JVM that owns a server on a data directory and then dies without stopping it, as the
 * launcher does when it is killed: the test starts it as a child process, waits until it has done
 * its work and says so, then kills it with SIGKILL.
 *
 * <p>The child runs {@link #main(String[])}: it starts the server, hands it to the work named on
 * its command line, prints {@value #READY} and waits to be killed.
 */
final class CrashedOwner {

	static final String READY = "owner ready";

	private final Process process;

	private final List<String> output = new ArrayList<>();

	private CrashedOwner(Process process) {
		this.process = process;
	}

	/**
	 * Starts a child JVM running {@code work} on the directory, waits until it is done, kills the
	 * JVM with SIGKILL and waits until it is gone.
	 * @return what the child printed
	 */
	static List<String> runAndKill(String work, Path directory) throws IOException, InterruptedException {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
				CrashedOwner.class.getName(), work, directory.toString())
			.redirectErrorStream(true)
			.start();
		CrashedOwner owner = new CrashedOwner(process);
		Thread reader = new Thread(owner::collectOutput, "crashed-owner-output");
		reader.setDaemon(true);
		reader.start();
		try {
			await().atMost(Duration.ofMinutes(2)).until(() -> owner.printed(READY) || !process.isAlive());
			assertThat(owner.printed(READY)).as("the child did its work; its output:%n%s", owner.output()).isTrue();
		}
		finally {
			process.destroyForcibly();
			assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
			reader.join(Duration.ofSeconds(5).toMillis());
		}
		return owner.output();
	}

	private synchronized boolean printed(String line) {
		return this.output.contains(line);
	}

	private synchronized List<String> output() {
		return List.copyOf(this.output);
	}

	private void collectOutput() {
		try (BufferedReader lines = new BufferedReader(
				new InputStreamReader(this.process.getInputStream(), StandardCharsets.UTF_8))) {
			lines.lines().forEach(line -> {
				System.out.println("[owner] " + line);
				synchronized (this) {
					this.output.add(line);
				}
			});
		}
		catch (IOException | UncheckedIOException ex) {
			// the child is gone: what it printed has been kept
		}
	}

	/** In the child: {@code <work> <directory>}. */
	public static void main(String[] args) throws Exception {
		Path directory = Path.of(args[1]);
		switch (args[0]) {
			case LocalKafkaIntegrationTests.WORK -> ownUntilKilled(LocalKafka.start(0, directory),
					LocalKafkaIntegrationTests::beforeTheCrash);
			case LocalPostgresIntegrationTests.WORK -> ownUntilKilled(LocalPostgres.start(0, directory),
					LocalPostgresIntegrationTests::beforeTheCrash);
			default -> throw new IllegalArgumentException("No such work: " + args[0]);
		}
	}

	/** Never returns, never stops the server: the test kills this JVM. */
	private static <T> void ownUntilKilled(T server, Consumer<T> work) throws InterruptedException {
		work.accept(server);
		System.out.println(READY);
		new CountDownLatch(1).await();
	}

}
