package io.retailhub.bench;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;


import io.retailhub.bench.Order360Plan.Call;
import io.retailhub.sandbox.backends.data.DemoData;
import io.retailhub.sandbox.backends.data.DemoOrder;
import io.retailhub.sandbox.backends.faults.Backend;
import io.retailhub.sandbox.backends.faults.Fault;
import io.retailhub.sandbox.backends.faults.Faults;


import org.springframework.core.env.Environment;

/**
 * The agent order 360 benchmark: starts the whole hub in this JVM with experience-api (security
 * on: the agent's user token in, each service's client-credentials token between the layers) and
 * asks for the order 360 of the sandbox's demo orders in turn, in one run:
 * <ol>
 * <li>at zero injected latency: the order 360's percentiles, every panel's status (all must be
 * OK), each backend's own latency measured directly;</li>
 * <li>with {@code --latency} injected at one backend ({@code --backend}, ERP unless told; or the
 * one slowest at zero latency in the run): the order 360 against that backend's own latency,
 * measured directly in the same phase, so the layers' overhead is the difference;</li>
 * <li>with {@code --latency} at every backend: the order 360 against what it would take if its
 * backend requests ran one after the other, and against its critical path (the most backend
 * requests in a row along the panels' dependencies): the proof that the panels are fetched in
 * parallel.</li>
 * </ol>
 *
 * <pre>
 * ./mvnw -q -pl bench -am install -DskipTests
 * ./mvnw -q -pl bench exec:java -Dexec.mainClass=io.retailhub.bench.Order360Benchmark
 * </pre>
 *
 * Not a test: nothing here asserts. It exits 0 when every order 360 of every phase answered 200
 * with every panel OK, 1 otherwise. See docs/performance.md for the options and results.
 */
public final class Order360Benchmark {

	private static final PrintStream out = System.out;

	/** The orders whose calls are counted one by one for the critical path. */
	private static final int COUNTED_ORDERS = 20;

	private Order360Benchmark() {
	}

	public static void main(String[] args) {
		Programs.main(args, Order360Options::parse, Order360Benchmark::run);
	}

	private static int run(Order360Options options) throws Exception {
		Programs.quietUntilTheServicesLog();
		out.println("Retail Hub agent order 360 benchmark");
		out.println("  machine: " + Diagnostics.machine());
		out.printf("  run: %d warm-up, %d measured at zero latency at %s in flight; %d + %d at %s injected, %d in flight;"
				+ " %d direct backend requests per backend and phase%n", options.warmup(), options.requests(),
				options.concurrency().stream().map(String::valueOf).collect(Collectors.joining(" and ")),
				options.injectedWarmup(), options.injectedRequests(), millis(options.latency()),
				options.latencyConcurrency(), options.probes());
		if (options.logFile() != null) {
			java.nio.file.Files.deleteIfExists(options.logFile());
			out.println("  service logs (INFO): " + options.logFile().toAbsolutePath());
		}
		long starting = System.nanoTime();
		try (BenchHub hub = BenchHub.start(options.hub())) {
			out.printf("  hub started in %.1f s (security on: issuer %s)%n", Diagnostics.since(starting).toMillis() / 1000.0,
					hub.issuerUrl());
			printSettings(hub, options);
			List<DemoOrder> demoOrders = hub.sandbox().getBean(DemoData.class).orders();
			List<String> orders = demoOrders.stream().map(DemoOrder::orderNumber).toList();
			out.printf("  demo data: %,d orders, asked for in turn%n", orders.size());

			Faults faults = hub.sandbox().getBean(Faults.class);
			faults.clearAll();
			Order360Driver driver = new Order360Driver(hub.experienceApiUrl(), hub.issuerUrl(), orders);
			BackendProbe probe = new BackendProbe(hub.systemApi().getEnvironment(), demoOrders);
			Order360Calls calls = new Order360Calls(hub);
			List<String> problems = new ArrayList<>();

			// warm: the services, the clients' connections and tokens, the backends' probes
			Order360Driver.Batch warmup = driver.run(options.warmup(), options.latencyConcurrency());
			out.printf("%nWarm-up: %d order 360s in %.1f s, %s%n", warmup.latencies().count(),
					warmup.wall().toMillis() / 1000.0, warmup.healthy() ? "every panel OK" : "NOT ALL OK: "
							+ warmup.notOk() + " " + warmup.failed());
			for (Backend backend : Order360Plan.BACKENDS) {
				probe.measure(backend, Math.min(20, options.probes()));
			}

			// a. zero latency
			List<Row> zero = new ArrayList<>();
			Map<String, Long> before = calls.backendRequests();
			Order360Driver.Batch first = driver.run(options.requests(), options.latencyConcurrency());
			Map<String, Long> requestsAtZero = Order360Calls.delta(before, calls.backendRequests());
			zero.add(new Row("a. zero latency", options.latencyConcurrency(), first));
			check("zero latency, " + options.latencyConcurrency() + " in flight", first, problems);
			// under load a panel may run out of its budget: degraded by design, reported, not a failure
			for (int level : options.concurrency().subList(1, options.concurrency().size())) {
				zero.add(new Row("a. zero latency", level, driver.run(options.requests(), level)));
			}
			Map<Backend, Latencies> ownAtZero = new EnumMap<>(Backend.class);
			for (Backend backend : Order360Plan.BACKENDS) {
				ownAtZero.put(backend, probe.measure(backend, options.probes()));
			}
			Order360Plan plan = calls.plan(demoOrders.subList(0, Math.min(COUNTED_ORDERS, demoOrders.size())));

			// b. latency at one backend
			Backend slow = options.backend() != null ? options.backend() : slowest(ownAtZero);
			faults.inject(slow, new Fault(options.latency().toMillis(), 0, null, false, null));
			driver.run(options.injectedWarmup(), options.latencyConcurrency());
			Order360Driver.Batch atOne = driver.run(options.injectedRequests(), options.latencyConcurrency());
			Latencies ownSlow = probe.measure(slow, options.probes());
			faults.clearAll();
			check(millis(options.latency()) + " at " + slow.id(), atOne, problems);

			// c. latency at every backend
			for (Backend backend : Order360Plan.BACKENDS) {
				faults.inject(backend, new Fault(options.latency().toMillis(), 0, null, false, null));
			}
			driver.run(options.injectedWarmup(), options.latencyConcurrency());
			before = calls.backendRequests();
			Order360Driver.Batch atAll = driver.run(options.injectedRequests(), options.latencyConcurrency());
			Map<String, Long> requestsAtAll = Order360Calls.delta(before, calls.backendRequests());
			faults.clearAll();
			check(millis(options.latency()) + " at every backend", atAll, problems);

			report(options, zero, first, ownAtZero, requestsAtZero, plan, slow, atOne, ownSlow, atAll, requestsAtAll);
			if (!problems.isEmpty()) {
				out.println();
				problems.forEach(problem -> System.err.println("FAILED: " + problem));
				return 1;
			}
			return 0;
		}
	}

	/** A batch as one row of the table. */
	private record Row(String phase, int concurrency, Order360Driver.Batch batch) {
	}

	private static void check(String phase, Order360Driver.Batch batch, List<String> problems) {
		if (!batch.healthy()) {
			problems.add(phase + ": " + batch.failures() + " requests not answered 200 " + batch.failed()
					+ ", panels not OK " + batch.notOk());
		}
	}

	/** The backend whose direct read is slowest at zero latency (median). */
	static Backend slowest(Map<Backend, Latencies> own) {
		return own.entrySet()
			.stream()
			.max(Map.Entry.comparingByValue(
					java.util.Comparator.comparing((Latencies latencies) -> latencies.percentile(50))))
			.orElseThrow()
			.getKey();
	}

	private static void report(Order360Options options, List<Row> zero, Order360Driver.Batch first,
			Map<Backend, Latencies> ownAtZero, Map<String, Long> requestsAtZero, Order360Plan plan, Backend slow,
			Order360Driver.Batch atOne, Latencies ownSlow, Order360Driver.Batch atAll,
			Map<String, Long> requestsAtAll) {
		String latency = millis(options.latency());
		int c = options.latencyConcurrency();
		out.println();
		out.println("Agent order 360, GET /api/agent/v1/orders/{id} as " + Order360Driver.AGENT
				+ " (latencies of the answers 200; JVM CPU per request at zero latency: every service, the sandbox,"
				+ " GC and JIT; the last column counts answers with all 7 panels OK)");
		out.printf("  %-44s %8s %9s %9s %9s %9s %9s %8s %9s %13s%n", "", "in flight", "requests", "p50", "p90", "p99",
				"max", "per s", "JVM CPU", "all panels OK");
		for (Row row : zero) {
			line(row.phase(), row.concurrency(), row.batch(), true);
		}
		zero.stream()
			.skip(1)
			.filter(row -> !row.batch().healthy())
			.forEach(row -> out.printf("     at %d in flight, degraded (a panel past its budget): %s %s%n",
					row.concurrency(), row.batch().notOk(), row.batch().failed()));
		line("b. +" + latency + " at " + slow.id(), c, atOne, false);
		out.printf("  %-44s %8d %9d %9s %9s %9s %9s %8s %9s %13s%n", "   " + slow.id() + " itself, direct, +" + latency, 1,
				ownSlow.count(), millis(ownSlow.percentile(50)), millis(ownSlow.percentile(90)),
				millis(ownSlow.percentile(99)), millis(ownSlow.max()), "", "", "");
		line("c. +" + latency + " at every backend", c, atAll, false);

		out.println();
		out.println("  panels at zero latency, " + c + " in flight: " + first.panels()
			.entrySet()
			.stream()
			.map(e -> e.getKey() + " " + e.getValue())
			.collect(Collectors.joining(", ")));
		out.println("  each backend's own latency at zero latency (direct reads, p50 / p99): " + ownAtZero.entrySet()
			.stream()
			.map(e -> e.getKey().id() + " " + millis(e.getValue().percentile(50)) + " / "
					+ millis(e.getValue().percentile(99)))
			.collect(Collectors.joining(", ")));
		out.println("  backend requests per order 360 at zero latency: " + perRequest(requestsAtZero, first));

		out.println();
		out.println("Calls below experience-api per order 360 (each made " + COUNTED_ORDERS
				+ " times alone, backend requests counted at the sandbox):");
		for (Call call : Call.values()) {
			out.printf("  %-50s %s%n", call.description(), plan.requests(call).isEmpty() ? "no backend request"
					: plan.requests(call)
						.entrySet()
						.stream()
						.map(e -> e.getKey() + " " + number(e.getValue()))
						.collect(Collectors.joining(", ")));
		}

		Order360Plan.Path slowPath = plan.criticalPath(slow.id());
		double own = ownSlow.percentile(50).toNanos() / 1e6;
		double atOneP50 = atOne.latencies().percentile(50).toNanos() / 1e6;
		double zeroP50 = first.latencies().percentile(50).toNanos() / 1e6;
		double waited = slowPath.hops() * own;
		out.println();
		out.printf("b. Overhead with %s at %s (%s requests in a row at most, on route %s):%n", latency, slow.id(),
				number(slowPath.hops()), route(slowPath));
		out.printf("  order 360 p50 %.1f ms - %s x %s's own p50 %.1f ms = %.1f ms of layers (system, process and "
				+ "experience API, tokens, JSON) and the other backends; at zero latency the whole order 360 takes %.1f ms%n",
				atOneP50, number(slowPath.hops()), slow.id(), own, atOneP50 - waited, zeroP50);

		double perOrder360 = requestsAtAll.values().stream().mapToLong(Long::longValue).sum()
				/ (double) Math.max(1, atAll.requests());
		Order360Plan.Path critical = plan.criticalPath();
		double step = options.latency().toNanos() / 1e6;
		double atAllP50 = atAll.latencies().percentile(50).toNanos() / 1e6;
		out.println();
		out.printf("c. Parallel fetch with %s at every backend:%n", latency);
		out.printf("  backend requests per order 360 (counted at the sandbox in this phase): %s = %s%n",
				perRequest(requestsAtAll, atAll), number(perOrder360));
		out.printf("  if they ran one after the other: %s x %s = %.0f ms%n", number(perOrder360), latency,
				perOrder360 * step);
		out.printf("  critical path: route %s, %s requests in a row x %s = %.0f ms%n", route(critical),
				number(critical.hops()), latency, critical.hops() * step);
		out.printf("  observed: p50 %.1f ms, p99 %.1f ms: %.1f ms above the critical path at p50, %.0f %% of the "
				+ "sequential sum%n", atAllP50, atAll.latencies().percentile(99).toNanos() / 1e6,
				atAllP50 - critical.hops() * step, 100 * atAllP50 / (perOrder360 * step));
		out.printf("  (the calls' own count: %s backend requests per order 360, %s; compare with the count above)%n",
				number(plan.sum()), "every call made once, the order read shared");
	}

	/**
	 * One row; the JVM's CPU per request only where the requests keep it busy: while they mostly
	 * wait, its background (the JIT still compiling, pollers) would be spread over them.
	 */
	private static void line(String phase, int concurrency, Order360Driver.Batch batch, boolean cpu) {
		Latencies latencies = batch.latencies();
		out.printf("  %-44s %8d %9d %9s %9s %9s %9s %8.1f %9s %13s%n", phase, concurrency, batch.requests(),
				millis(latencies.percentile(50)), millis(latencies.percentile(90)), millis(latencies.percentile(99)),
				millis(latencies.max()), batch.perSecond(), cpu ? Latencies.millis(batch.cpuPerRequest()) : "-",
				batch.allOk() + (batch.healthy() ? "" : " (!)"));
	}

	private static String perRequest(Map<String, Long> requests, Order360Driver.Batch batch) {
		long answered = Math.max(1, batch.requests());
		return requests.entrySet()
			.stream()
			.filter(e -> e.getValue() > 0)
			.map(e -> e.getKey() + " " + number(e.getValue() / (double) answered))
			.collect(Collectors.joining(", "));
	}

	private static String route(Order360Plan.Path path) {
		return path.route().panel() + " (" + path.route()
			.calls()
			.stream()
			.map(call -> call.name().toLowerCase(Locale.ROOT).replace('_', ' '))
			.collect(Collectors.joining(" -> ")) + ")";
	}

	private static String number(double value) {
		return String.format("%.1f", value);
	}

	private static String millis(Duration duration) {
		return duration.toNanos() % 1_000_000 == 0 ? duration.toMillis() + " ms" : Latencies.millis(duration);
	}

	/** The settings that decide the figure, as the services run them. */
	private static void printSettings(BenchHub hub, Order360Options options) {
		Environment experience = hub.experienceApi().getEnvironment();
		out.println("  experience-api: panel pool " + experience.getProperty("retailhub.experience.threads")
				+ " threads, budgets " + List.of("order", "profile", "shipments", "payment", "returns", "cases",
						"eligibility")
					.stream()
					.map(panel -> panel + " "
							+ experience.getProperty("retailhub.experience.panels." + panel + ".budget",
									experience.getProperty("retailhub.experience.default-budget")))
					.collect(Collectors.joining(", "))
				+ ", total " + experience.getProperty("retailhub.experience.total-budget"));
		Environment system = hub.systemApi().getEnvironment();
		out.println("  system-api: time limit " + system.getProperty("resilience4j.timelimiter.configs.default.timeout-duration")
				+ " per backend call, ERP rate limit "
				+ system.getProperty("resilience4j.ratelimiter.instances.erp.limit-for-period") + " per "
				+ system.getProperty("resilience4j.ratelimiter.instances.erp.limit-refresh-period"));
		hub.settings()
			.forEach((service, properties) -> properties.entrySet()
				.stream()
				.filter(e -> options.overrides().getOrDefault(service, Map.of()).containsKey(e.getKey())
						|| e.getKey().startsWith("retailhub.orders") || e.getKey().startsWith("sandbox."))
				.forEach(e -> out.println("    " + service + ": " + e.getKey() + "=" + e.getValue())));
	}

	/**
	 * PostgreSQL and the Kafka broker log at INFO through the default logback configuration until
	 * the first Spring application configures logging (into the log file): only warnings meanwhile.
	 */

}
