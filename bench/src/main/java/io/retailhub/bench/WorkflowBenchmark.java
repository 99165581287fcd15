package io.retailhub.bench;

import static org.awaitility.Awaitility.await;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;


import io.retailhub.sandbox.backends.data.DemoData;

import jdk.jfr.Configuration;
import jdk.jfr.Recording;


import org.springframework.core.env.Environment;

/**
 * The workflow benchmark: starts the whole hub in this JVM (embedded PostgreSQL and Kafka, the
 * sandbox backends at zero latency, the system API and process-api), measures the database's
 * single-row commit rate, runs a warm-up batch of returns and then the measured batch, each
 * return going all the way from its request to its refund completed and the return closed, and
 * prints workflows per second, latency percentiles and where the time went.
 *
 * <pre>
 * ./mvnw -q -pl bench -am install -DskipTests
 * ./mvnw -q -pl bench exec:java -Dexec.args="--returns=500 --concurrency=16"
 * </pre>
 *
 * Not a test: nothing here asserts. It exits 0 when every measured return closed, 1 otherwise.
 * See docs/performance.md for the options and results.
 */
public final class WorkflowBenchmark {

	private static final PrintStream out = System.out;

	private WorkflowBenchmark() {
	}

	public static void main(String[] args) {
		Programs.main(args, BenchmarkOptions::parse, WorkflowBenchmark::run);
	}

	private static int run(BenchmarkOptions options) throws Exception {
		Programs.quietUntilTheServicesLog();
		out.println("Retail Hub workflow benchmark");
		out.println("  machine: " + Diagnostics.machine());
		out.printf("  run: %d measured returns after %d warm-up, %d in flight, preset %s%n", options.returns(),
				options.warmup(), options.concurrency(), options.preset().name().toLowerCase(java.util.Locale.ROOT));
		if (options.logFile() != null) {
			java.nio.file.Files.deleteIfExists(options.logFile());
			out.println("  service logs (INFO): " + options.logFile().toAbsolutePath());
		}
		long starting = System.nanoTime();
		try (BenchHub hub = BenchHub.start(options.hub())) {
			out.printf("  hub started in %.1f s%n", Diagnostics.since(starting).toMillis() / 1000.0);
			printSettings(hub);

			DemoData data = hub.sandbox().getBean(DemoData.class);
			ReturnableLines lines = ReturnableLines.of(data, Clock.systemUTC().instant());
			out.printf("  demo data: %,d orders, %,d returnable lines%n", data.orders().size(), lines.total());
			List<ReturnableLines.Line> warmupLines = lines.take(options.warmup());
			List<ReturnableLines.Line> measuredLines = lines.take(options.returns());

			CommitRate.Result commits = CommitRate.measure(hub.postgres(), options.commitThreads(),
					options.commitsPerThread());
			out.printf("%nPostgreSQL single-row commit rate (same server, scratch database): %,.0f commits/s "
					+ "(%d connections x %,d autocommit inserts in %.2f s)%n", commits.perSecond(), commits.threads(),
					commits.commits() / commits.threads(), commits.wall().toMillis() / 1000.0);

			ReturnsDriver driver = new ReturnsDriver(hub.processApiUrl(), hub.sandboxUrl(), hub.issuerUrl());
			try (ReturnEvents events = new ReturnEvents(hub.kafka().bootstrapServers(), driver)) {
				if (options.warmup() > 0) {
					ReturnsDriver.Batch warmup = driver.run("warm-up", warmupLines, options.concurrency(),
							options.timeout());
					out.printf("%nWarm-up: %d of %d closed in %.1f s (%.1f workflows/s), %d failed%n",
							warmup.completed().size(), warmup.started(), warmup.wall().toMillis() / 1000.0,
							warmup.perSecond(), warmup.failed().size());
					printFailures(warmup);
				}
				Diagnostics diagnostics = new Diagnostics(hub);
				// the warm-up's stragglers (unpublished events, due steps) finish before measuring starts
				await("process-api idle after the warm-up").atMost(Duration.ofSeconds(30))
					.pollInterval(Duration.ofMillis(50))
					.until(diagnostics::idle);
				Recording recording = startRecording(options);
				Diagnostics.Snapshot before = diagnostics.snapshot();
				ReturnsDriver.Batch batch;
				Diagnostics.PoolSampler pool = diagnostics.new PoolSampler();
				try (pool) {
					batch = driver.run("measured", measuredLines, options.concurrency(), options.timeout());
				}
				// pg_stat_database counts what backends flush: they do so within a second of going idle
				Thread.sleep(1500);
				Diagnostics.Snapshot after = diagnostics.snapshot();
				stopRecording(recording, options);

				report(batch, commits, options);
				diagnostics.report(out, before, after, batch, pool, commits);
				if (!batch.failed().isEmpty()) {
					diagnostics.describeStuck(out, ReturnsDriver.stuck(batch));
				}
				driver.close();
				return batch.failed().isEmpty() ? 0 : 1;
			}
		}
	}

	/**
	 * PostgreSQL and the Kafka broker log at INFO through the default logback configuration until
	 * the first Spring application configures logging (into the log file): only warnings meanwhile.
	 */

	private static void report(ReturnsDriver.Batch batch, CommitRate.Result commits, BenchmarkOptions options) {
		Latencies total = latencies(batch, f -> f.closedAt - f.startedAt);
		out.println();
		out.println("Measured batch");
		out.printf("  returns started %d, completed %d, failed %d%n", batch.started(), batch.completed().size(),
				batch.failed().size());
		out.printf("  wall time %.2f s, %d in flight%n", batch.wall().toMillis() / 1000.0, options.concurrency());
		out.printf("  throughput %.1f workflows completed/s (request to refund completed and return closed)%n",
				batch.perSecond());
		out.printf("  latency request -> refund completed: %s (mean %s)%n", total.summary(),
				Latencies.millis(total.mean()));
		out.printf("  the same PostgreSQL commits %,.0f single rows/s: the workflow rate is %.2f %% of that%n",
				commits.perSecond(), 100 * batch.perSecond() / commits.perSecond());
		out.println("  phases (p50 / p95 / p99):");
		phase("request -> 201 Created", latencies(batch, f -> f.requestedAt - f.startedAt));
		phase("201 -> return-authorized read", latencies(batch, f -> f.authorizedAt - f.requestedAt));
		phase("authorized -> parcel received (sandbox)", latencies(batch, f -> f.receivedAt - f.authorizedAt));
		phase("received -> return-closed read", latencies(batch, f -> f.closedAt - f.receivedAt));
		printFailures(batch);
	}

	private static void phase(String name, Latencies latencies) {
		out.printf("    %-42s %10s %10s %10s%n", name, Latencies.millis(latencies.percentile(50)),
				Latencies.millis(latencies.percentile(95)), Latencies.millis(latencies.percentile(99)));
	}

	private static Latencies latencies(ReturnsDriver.Batch batch, ToLongFunction<ReturnsDriver.Flight> nanos) {
		Latencies latencies = new Latencies();
		batch.completed().forEach(flight -> latencies.record(Duration.ofNanos(nanos.applyAsLong(flight))));
		return latencies;
	}

	private static void printFailures(ReturnsDriver.Batch batch) {
		batch.failed()
			.stream()
			.limit(5)
			.forEach(f -> out.println("  failed: " + f.line.orderNumber() + " line " + f.line.lineNumber() + " "
					+ (f.returnId == null ? "" : "(return " + f.returnId + ") ") + abbreviate(f.failure)));
	}

	private static String abbreviate(String text) {
		return text.length() <= 300 ? text : text.substring(0, 300) + "...";
	}

	/** The settings that decide the figure, as the services run them. */
	private static void printSettings(BenchHub hub) {
		Environment process = hub.processApi().getEnvironment();
		Environment system = hub.systemApi().getEnvironment();
		out.println("  process-api: step worker concurrency " + process.getProperty("retailhub.workflow.steps.concurrency")
				+ ", claim batch " + process.getProperty("retailhub.workflow.steps.batch-size") + ", poll interval "
				+ process.getProperty("retailhub.workflow.steps.poll-interval") + ", backoff base "
				+ process.getProperty("retailhub.workflow.steps.backoff.base") + "; outbox batch "
				+ process.getProperty("retailhub.outbox.batch-size") + ", poll interval "
				+ process.getProperty("retailhub.outbox.poll-interval") + "; Hikari pool "
				+ process.getProperty("spring.datasource.hikari.maximum-pool-size") + "; listener concurrency "
				+ process.getProperty("spring.kafka.listener.concurrency", "1") + ", ack mode "
				+ process.getProperty("spring.kafka.listener.ack-mode") + "; topic partitions "
				+ process.getProperty("retailhub.kafka.partitions"));
		out.println("  system-api: bulkhead " + system.getProperty("resilience4j.bulkhead.configs.default.max-concurrent-calls")
				+ " concurrent calls per backend, ERP rate limit "
				+ system.getProperty("resilience4j.ratelimiter.instances.erp.limit-for-period") + " per "
				+ system.getProperty("resilience4j.ratelimiter.instances.erp.limit-refresh-period") + " (wait "
				+ system.getProperty("resilience4j.ratelimiter.instances.erp.timeout-duration") + ")");
		for (Map.Entry<String, Map<String, String>> service : hub.settings().entrySet()) {
			service.getValue()
				.entrySet()
				.stream()
				.filter(e -> !e.getKey().startsWith("spring.datasource") && !e.getKey().startsWith("server.")
						&& !e.getKey().startsWith("logging.") && !e.getKey().startsWith("spring.main")
						&& !e.getKey().startsWith("spring.autoconfigure") && !e.getKey().startsWith("retailhub.backends")
						&& !e.getKey().startsWith("spring.kafka.bootstrap") && !e.getKey().endsWith("base-url"))
				.forEach(e -> out.println("    " + service.getKey() + ": " + e.getKey() + "=" + e.getValue()));
		}
	}

	private static Recording startRecording(BenchmarkOptions options) throws Exception {
		if (options.jfr() == null) {
			return null;
		}
		Recording recording = new Recording(Configuration.getConfiguration("profile"));
		recording.start();
		return recording;
	}

	private static void stopRecording(Recording recording, BenchmarkOptions options) throws Exception {
		if (recording == null) {
			return;
		}
		recording.stop();
		recording.dump(options.jfr());
		recording.close();
		out.println("  flight recording of the measured batch: " + options.jfr().toAbsolutePath());
	}

}
