package io.retailhub.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.convert.DurationStyle;

/**
 * What one benchmark run does, from the command line ({@code --name=value}).
 *
 * @param returns returns in the measured batch
 * @param warmup returns in the warm-up batch, run first and not reported
 * @param concurrency returns in flight at once (requested, not yet closed)
 * @param timeout how long a batch waits for its last workflows after the last request
 * @param commitThreads connections inserting at once for the single-row commit rate
 * @param commitsPerThread autocommit inserts each of them makes
 * @param orders demo orders the sandbox generates (more orders, more returnable lines)
 * @param preset {@code shipped} (every setting as the services ship, see {@link Preset}) or
 * {@code tuned}
 * @param logFile where the services' INFO log goes; empty keeps logging on the console
 * @param jfr a Java Flight Recorder file covering the measured batch, or null
 * @param overrides properties per service ({@code process}, {@code system}, {@code sandbox}),
 * given as {@code --process:retailhub.workflow.steps.concurrency=32}; they win over the preset
 */
record BenchmarkOptions(int returns, int warmup, int concurrency, Duration timeout, int commitThreads,
		int commitsPerThread, int orders, Preset preset, Path logFile, Path jfr,
		Map<String, Map<String, String>> overrides) {

	static final List<String> SERVICES = List.of("process", "system", "sandbox");

	static final String USAGE = """
			WorkflowBenchmark: drives returns through the whole hub in one JVM and reports workflows per second.
			  --returns=500          returns in the measured batch
			  --warmup=300           returns in the warm-up batch (not reported): a server runs warm
			  --concurrency=16       returns in flight at once
			  --timeout=120s         how long a batch waits for its last workflows
			  --commit-threads=4     connections for the single-row commit rate
			  --commits=2500         autocommit inserts per connection
			  --orders=3000          demo orders the sandbox generates (more orders, more returnable lines)
			  --preset=shipped       shipped | tuned (see docs/performance.md)
			  --log-file=PATH        where the services log at INFO (default: bench/target/workflow-benchmark.log); 'console' for the console
			  --jfr=PATH             record the measured batch with Java Flight Recorder
			  --process:KEY=VALUE    a property for process-api (also --system:KEY=VALUE, --sandbox:KEY=VALUE)
			""";

	/** The property that carries the default log file, set by the exec plugin to bench/target. */
	static final String LOG_FILE_PROPERTY = "bench.logFile";

	static BenchmarkOptions parse(String... args) {
		int returns = 500;
		int warmup = 300;
		int concurrency = 16;
		Duration timeout = Duration.ofSeconds(120);
		int commitThreads = 4;
		int commits = 2500;
		int orders = 3000;
		Preset preset = Preset.SHIPPED;
		Path logFile = Path.of(System.getProperty(LOG_FILE_PROPERTY, "target/workflow-benchmark.log"));
		Path jfr = null;
		Arguments parsed = Arguments.parse(args, SERVICES, USAGE);
		Map<String, Map<String, String>> overrides = parsed.overrides();
		for (Map.Entry<String, String> option : parsed.options().entrySet()) {
			String name = option.getKey();
			String value = option.getValue();
			switch (name) {
				case "returns" -> returns = positive(name, value);
				case "warmup" -> warmup = Integer.parseInt(value);
				case "concurrency" -> concurrency = positive(name, value);
				case "timeout" -> timeout = DurationStyle.detectAndParse(value);
				case "commit-threads" -> commitThreads = positive(name, value);
				case "commits" -> commits = positive(name, value);
				case "orders" -> orders = positive(name, value);
				case "preset" -> preset = Preset.of(value);
				case "log-file" -> logFile = "console".equals(value) ? null : Path.of(value);
				case "jfr" -> jfr = Path.of(value);
				default -> throw new IllegalArgumentException("unknown option --" + name + "\n" + USAGE);
			}
		}
		if (warmup < 0) {
			throw new IllegalArgumentException("--warmup must not be negative");
		}
		return new BenchmarkOptions(returns, warmup, concurrency, timeout, commitThreads, commits, orders, preset,
				logFile, jfr, overrides);
	}

	private static int positive(String name, String value) {
		int number = Integer.parseInt(value);
		if (number < 1) {
			throw new IllegalArgumentException("--" + name + " must be at least 1");
		}
		return number;
	}

	/** What the hub starts with: the workflow benchmark needs no experience-api. */
	BenchHub.Setup hub() {
		Map<String, Map<String, String>> properties = new LinkedHashMap<>();
		SERVICES.forEach(service -> properties.put(service, properties(service)));
		return new BenchHub.Setup(this.orders, this.logFile, properties, false);
	}

	/** The properties one service starts with: the preset's, then the command line's. */
	Map<String, String> properties(String service) {
		Map<String, String> properties = new LinkedHashMap<>(this.preset.properties(service));
		properties.putAll(this.overrides.get(service));
		return properties;
	}

	/**
	 * Settings sets. {@code shipped} changes nothing the services ship with, so its figure is what
	 * a deployment gets. {@code tuned} changes configuration only (no code), each change named and
	 * explained in docs/performance.md.
	 */
	enum Preset {

		SHIPPED(Map.of()),

		TUNED(Map.of(
				"process", Map.ofEntries(
						// more steps at once: a step mostly waits on HTTP, not on the CPU
						Map.entry("retailhub.workflow.steps.concurrency", "64"),
						Map.entry("retailhub.workflow.steps.batch-size", "64"),
						// the step pool plus relay, listener and HTTP threads share the pool
						Map.entry("spring.datasource.hikari.maximum-pool-size", "40"),
						// one consumer per partition of retail.returns.v1 for the receipts
						Map.entry("spring.kafka.listener.concurrency", "6")),
				"system", Map.ofEntries(
						// the ERP budget: about a dozen ERP calls per workflow
						Map.entry("resilience4j.ratelimiter.instances.erp.limit-for-period", "5000"),
						Map.entry("resilience4j.bulkhead.configs.default.max-concurrent-calls", "100")),
				"sandbox", Map.of()));

		private final Map<String, Map<String, String>> properties;

		Preset(Map<String, Map<String, String>> properties) {
			this.properties = properties;
		}

		Map<String, String> properties(String service) {
			return this.properties.getOrDefault(service, Map.of());
		}

		static Preset of(String name) {
			try {
				return valueOf(name.toUpperCase(java.util.Locale.ROOT));
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalArgumentException("--preset must be shipped or tuned, not '" + name + "'");
			}
		}

	}

}
