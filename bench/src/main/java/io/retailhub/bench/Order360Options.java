package io.retailhub.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.retailhub.sandbox.backends.faults.Backend;

import org.springframework.boot.convert.DurationStyle;

/**
 * What one order 360 benchmark run does, from the command line ({@code --name=value}).
 *
 * @param requests order 360 requests measured at zero injected latency, at each concurrency
 * @param warmup order 360 requests run first and not reported
 * @param concurrency requests in flight at once: the first level is the latency figure (and the
 * one the injected phases run at), any further level adds a zero-latency row under load
 * @param injectedRequests order 360 requests measured with latency injected, in each such phase
 * @param injectedWarmup requests run first in each injected phase and not reported
 * @param probes direct requests to a backend, per backend and phase, for its own latency
 * @param latency the latency injected at one backend, then at every backend
 * @param backend the backend latency is injected at first ({@code erp} unless told), or null
 * for the one whose direct reads were slowest at zero latency in the run
 * @param orders demo orders the sandbox generates; the requests go round all of them
 * @param logFile where the services' INFO log goes; null keeps logging on the console
 * @param overrides properties per service ({@code experience}, {@code process}, {@code system},
 * {@code sandbox}), given as {@code --experience:retailhub.experience.threads=64}
 */
record Order360Options(int requests, int warmup, List<Integer> concurrency, int injectedRequests,
		int injectedWarmup, int probes, Duration latency, Backend backend, int orders, Path logFile,
		Map<String, Map<String, String>> overrides) {

	static final List<String> SERVICES = List.of("experience", "process", "system", "sandbox");

	static final String USAGE = """
			Order360Benchmark: the agent order 360 through experience-api, at zero and injected backend latency.
			  --requests=500         order 360 requests measured at zero latency, at each concurrency
			  --warmup=300           requests run first (not reported): a server runs warm
			  --concurrency=1,8      in flight at once: the first is the latency figure (and the injected phases'),
			                         any further level adds a zero-latency row under load
			  --injected-requests=50  requests measured in each injected phase (one backend, then all)
			  --injected-warmup=5    requests run first in each injected phase (not reported)
			  --probes=100           direct requests to a backend for its own latency, per backend and phase
			  --latency=100ms        the latency injected
			  --backend=erp          the backend for the latency at one backend: erp | crm | payment | warehouse | commerce,
			                         or slowest (the slowest direct reads at zero latency in this run)
			  --orders=3000          demo orders the sandbox generates; the requests go round all of them
			  --log-file=PATH        where the services log at INFO (default: bench/target/order360-benchmark.log); 'console' for the console
			  --experience:KEY=VALUE a property for experience-api (also --process:, --system:, --sandbox:)
			""";

	static Order360Options parse(String... args) {
		int requests = 500;
		int warmup = 300;
		List<Integer> concurrency = List.of(1, 8);
		int injectedRequests = 50;
		int injectedWarmup = 5;
		int probes = 100;
		Duration latency = Duration.ofMillis(100);
		// the system of record: first on every route that waits for another panel, the most requests
		// per order 360 and the most in a row (docs/performance.md); 'slowest' picks by measurement
		Backend backend = Backend.ERP;
		int orders = 3000;
		Path logFile = Path.of(System.getProperty(BenchmarkOptions.LOG_FILE_PROPERTY, "target/workflow-benchmark.log"))
			.resolveSibling("order360-benchmark.log");
		Arguments parsed = Arguments.parse(args, SERVICES, USAGE);
		Map<String, Map<String, String>> overrides = parsed.overrides();
		for (Map.Entry<String, String> option : parsed.options().entrySet()) {
			String name = option.getKey();
			String value = option.getValue();
			switch (name) {
				case "requests" -> requests = positive(name, value);
				case "warmup" -> warmup = notNegative(name, value);
				case "concurrency" -> concurrency = levels(value);
				case "injected-requests" -> injectedRequests = positive(name, value);
				case "injected-warmup" -> injectedWarmup = notNegative(name, value);
				case "probes" -> probes = positive(name, value);
				case "latency" -> latency = latency(value);
				case "backend" -> backend = backend(value);
				case "orders" -> orders = positive(name, value);
				case "log-file" -> logFile = "console".equals(value) ? null : Path.of(value);
				default -> throw new IllegalArgumentException("unknown option --" + name + "\n" + USAGE);
			}
		}
		return new Order360Options(requests, warmup, concurrency, injectedRequests, injectedWarmup, probes, latency,
				backend, orders, logFile, overrides);
	}

	/** The concurrency the latency figures are measured at. */
	int latencyConcurrency() {
		return this.concurrency.get(0);
	}

	/**
	 * What the hub starts with: experience-api too, and process-api without its order feed, whose
	 * poll of ERP every few seconds would count among the order 360's backend requests (the
	 * command line may turn it back on).
	 */
	BenchHub.Setup hub() {
		Map<String, Map<String, String>> properties = new LinkedHashMap<>();
		SERVICES.forEach(service -> properties.put(service, new LinkedHashMap<>()));
		properties.get("process").put("retailhub.orders.feed.enabled", "false");
		this.overrides.forEach((service, given) -> properties.get(service).putAll(given));
		return new BenchHub.Setup(this.orders, this.logFile, properties, true);
	}

	private static List<Integer> levels(String value) {
		List<Integer> levels = new ArrayList<>();
		for (String level : value.split(",")) {
			int number = positive("concurrency", level.trim());
			if (levels.contains(number)) {
				throw new IllegalArgumentException("--concurrency names " + number + " twice");
			}
			levels.add(number);
		}
		return List.copyOf(levels);
	}

	private static Duration latency(String value) {
		Duration latency = DurationStyle.detectAndParse(value);
		if (latency.isNegative() || latency.isZero() || latency.toMillis() > 120_000) {
			throw new IllegalArgumentException("--latency must be above zero and at most 120s (the sandbox's limit)");
		}
		return latency;
	}

	private static Backend backend(String value) {
		if ("slowest".equals(value)) {
			return null;
		}
		return Order360Plan.BACKENDS.stream()
			.filter(backend -> backend.id().equals(value.toLowerCase(Locale.ROOT)))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException(
					"--backend must be erp, crm, payment, warehouse, commerce or slowest, not '" + value + "'"));
	}

	private static int positive(String name, String value) {
		int number = Integer.parseInt(value);
		if (number < 1) {
			throw new IllegalArgumentException("--" + name + " must be at least 1");
		}
		return number;
	}

	private static int notNegative(String name, String value) {
		int number = Integer.parseInt(value);
		if (number < 0) {
			throw new IllegalArgumentException("--" + name + " must not be negative");
		}
		return number;
	}

}
