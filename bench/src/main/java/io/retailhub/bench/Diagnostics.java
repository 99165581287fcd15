package io.retailhub.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.retailhub.sandbox.backends.faults.Backend;
import io.retailhub.sandbox.backends.faults.RequestCounts;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * Where the time went during one batch: CPU of the JVM and of PostgreSQL, commits and WAL per
 * workflow, how long steps waited to be claimed and how long they ran (from process-api's own
 * step and attempt rows), how long events sat in the outbox, the services' request timings
 * (Micrometer) and the requests each backend served per workflow.
 */
final class Diagnostics {

	private static final String[] METHODS = { "GET", "POST", "PATCH", "PUT", "DELETE" };

	private final BenchHub hub;

	private final String processUrl;

	private long postmaster;

	/** What system-api's resilience4j policies did, counted from their events. */
	private final Map<String, LongAdder> resilience = new ConcurrentSkipListMap<>();

	Diagnostics(BenchHub hub) {
		this.hub = hub;
		this.processUrl = hub.postgres().jdbcUrl(BenchHub.PROCESS_DATABASE);
		ConfigurableApplicationContext system = hub.systemApi();
		system.getBean(RateLimiterRegistry.class).getAllRateLimiters().forEach(limiter -> limiter.getEventPublisher()
			.onSuccess(event -> count("rate limiter " + limiter.getName() + " permits"))
			.onFailure(event -> count("rate limiter " + limiter.getName() + " refusals")));
		system.getBean(BulkheadRegistry.class).getAllBulkheads().forEach(bulkhead -> bulkhead.getEventPublisher()
			.onCallPermitted(event -> count("bulkhead " + bulkhead.getName() + " calls"))
			.onCallRejected(event -> count("bulkhead " + bulkhead.getName() + " refusals")));
		system.getBean(TimeLimiterRegistry.class).getAllTimeLimiters().forEach(limiter -> limiter.getEventPublisher()
			.onTimeout(event -> count("time limiter " + limiter.getName() + " timeouts")));
		system.getBean(CircuitBreakerRegistry.class).getAllCircuitBreakers().forEach(breaker -> breaker
			.getEventPublisher()
			.onStateTransition(event -> count("circuit breaker " + breaker.getName() + " " + event.getStateTransition())));
	}

	private void count(String what) {
		this.resilience.computeIfAbsent(what, k -> new LongAdder()).increment();
	}

	/** Counters read at one moment, to subtract. */
	record Snapshot(long nanos, long machineBusy, long machineTotal, long jvmCpuNanos, long postgresTicks,
			Map<String, Long> database, Map<String, double[]> timers, Map<String, Double> counters,
			Map<String, Long> backendRequests, Map<Long, ThreadCpu> threads, long gcMillis, long jitMillis) {
	}

	/** A live thread's name and the CPU it used so far. */
	record ThreadCpu(String name, long cpuNanos) {
	}

	Snapshot snapshot() {
		long[] machine = machineTicks();
		Map<String, double[]> timers = new TreeMap<>();
		Map<String, Double> counters = new TreeMap<>();
		collect("process", this.hub.processApi().getBean(MeterRegistry.class), timers, counters);
		collect("system", this.hub.systemApi().getBean(MeterRegistry.class), timers, counters);
		collect("sandbox", this.hub.sandbox().getBean(MeterRegistry.class), timers, counters);
		this.resilience.forEach((what, count) -> counters.put("system " + what, (double) count.sum()));
		Map<String, Long> requests = new TreeMap<>();
		RequestCounts counts = this.hub.sandbox().getBean(RequestCounts.class);
		for (Backend backend : Backend.values()) {
			for (String method : METHODS) {
				long count = counts.count(backend, method);
				if (count > 0) {
					requests.put(backend.id() + " " + method, count);
				}
			}
		}
		return new Snapshot(System.nanoTime(), machine[0], machine[1], jvmCpuNanos(), postgresTicks(), database(),
				timers, counters, requests, threadCpu(),
				ManagementFactory.getGarbageCollectorMXBeans()
					.stream()
					.mapToLong(gc -> Math.max(0, gc.getCollectionTime()))
					.sum(),
				ManagementFactory.getCompilationMXBean().isCompilationTimeMonitoringSupported()
						? ManagementFactory.getCompilationMXBean().getTotalCompilationTime() : 0);
	}

	private static void collect(String service, MeterRegistry registry, Map<String, double[]> timers,
			Map<String, Double> counters) {
		for (Timer timer : registry.find("retailhub.workflow.step.execution").timers()) {
			timers.put(service + " step " + timer.getId().getTag("step"), timerValues(timer));
		}
		for (Timer timer : registry.find("http.server.requests").timers()) {
			timers.put(service + " " + timer.getId().getTag("method") + " " + timer.getId().getTag("uri") + " "
					+ timer.getId().getTag("status"), timerValues(timer));
		}
		for (Timer timer : registry.find("hikaricp.connections.acquire").timers()) {
			timers.put(service + " hikari acquire", timerValues(timer));
		}
		for (Counter counter : registry.find("retailhub.workflow.step.attempts").counters()) {
			counters.put(service + " " + counter.getId().getTag("step") + " " + counter.getId().getTag("outcome"),
					counter.count());
		}
	}

	private static double[] timerValues(Timer timer) {
		return new double[] { timer.count(), timer.totalTime(TimeUnit.NANOSECONDS) };
	}

	/**
	 * True when process-api has nothing left to do now: every outbox event is published and no
	 * step is due (timers due later, such as return expiry, do not count).
	 */
	boolean idle() {
		try (Connection connection = DriverManager.getConnection(this.processUrl, this.hub.postgres().username(),
				this.hub.postgres().password());
				PreparedStatement query = connection.prepareStatement("""
						SELECT (SELECT count(*) FROM outbox_event WHERE published_at IS NULL)
							+ (SELECT count(*) FROM workflow_step WHERE status IN ('PENDING', 'PARKED') AND due_at <= now())""");
				ResultSet result = query.executeQuery()) {
			return result.next() && result.getLong(1) == 0;
		}
		catch (SQLException ex) {
			throw new IllegalStateException("could not read process-api's backlog", ex);
		}
	}

	/** Samples process-api's connection pool every 100 ms while a batch runs. */
	final class PoolSampler implements AutoCloseable {

		private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
			Thread thread = new Thread(task, "bench-pool-sampler");
			thread.setDaemon(true);
			return thread;
		});

		private long samples;

		private double activeSum;

		private double pendingSum;

		private double activeMax;

		private double pendingMax;

		PoolSampler() {
			MeterRegistry registry = Diagnostics.this.hub.processApi().getBean(MeterRegistry.class);
			this.scheduler.scheduleAtFixedRate(() -> sample(registry), 0, 100, TimeUnit.MILLISECONDS);
		}

		private synchronized void sample(MeterRegistry registry) {
			Gauge active = registry.find("hikaricp.connections.active").gauge();
			Gauge pending = registry.find("hikaricp.connections.pending").gauge();
			if (active != null && pending != null) {
				this.samples++;
				this.activeSum += active.value();
				this.pendingSum += pending.value();
				this.activeMax = Math.max(this.activeMax, active.value());
				this.pendingMax = Math.max(this.pendingMax, pending.value());
			}
		}

		@Override
		public void close() {
			this.scheduler.shutdownNow();
		}

		synchronized String summary() {
			if (this.samples == 0) {
				return "no samples";
			}
			return String.format("active avg %.1f max %.0f, threads waiting for a connection avg %.1f max %.0f",
					this.activeSum / this.samples, this.activeMax, this.pendingSum / this.samples, this.pendingMax);
		}

	}

	void report(PrintStream out, Snapshot before, Snapshot after, ReturnsDriver.Batch batch, PoolSampler pool,
			CommitRate.Result commitRate) {
		int completed = Math.max(1, batch.completed().size());
		double seconds = (after.nanos() - before.nanos()) / 1e9;
		out.println();
		out.println("Where the time went (measured batch)");
		long busy = after.machineBusy() - before.machineBusy();
		long total = after.machineTotal() - before.machineTotal();
		int cores = Runtime.getRuntime().availableProcessors();
		double tickSeconds = 0.01;
		double jvmCores = (after.jvmCpuNanos() - before.jvmCpuNanos()) / 1e9 / seconds;
		double postgresCores = (after.postgresTicks() - before.postgresTicks()) * tickSeconds / seconds;
		double machineCores = total == 0 ? 0 : cores * (double) busy / total;
		out.printf("  CPU: machine %.0f %% busy of %d cores; this JVM (services, Kafka, driver) %.2f cores, PostgreSQL %.2f cores, "
				+ "everything else on the machine %.2f cores%n", total == 0 ? 0 : 100.0 * busy / total, cores, jvmCores,
				postgresCores, Math.max(0, machineCores - jvmCores - postgresCores));
		out.printf("  CPU per workflow: JVM %.1f ms, PostgreSQL %.1f ms%n",
				(after.jvmCpuNanos() - before.jvmCpuNanos()) / 1e6 / completed,
				(after.postgresTicks() - before.postgresTicks()) * tickSeconds * 1000 / completed);
		long jvmCpu = after.jvmCpuNanos() - before.jvmCpuNanos();
		Map<String, Long> components = new TreeMap<>();
		after.threads().forEach((id, thread) -> {
			ThreadCpu was = before.threads().get(id);
			long used = thread.cpuNanos() - (was == null ? 0 : was.cpuNanos());
			components.merge(component(thread.name()), used, Long::sum);
		});
		long attributed = components.values().stream().mapToLong(Long::longValue).sum();
		components.put("JVM itself: GC, JIT, threads that ended (per-task threads)", Math.max(0, jvmCpu - attributed));
		out.println("  JVM CPU per workflow by component:");
		components.entrySet()
			.stream()
			.sorted(Map.Entry.comparingByValue(Comparator.reverseOrder()))
			.forEach(e -> out.printf("    %-74s %7.1f ms %5.1f %%%n", e.getKey(), e.getValue() / 1e6 / completed,
					jvmCpu == 0 ? 0 : 100.0 * e.getValue() / jvmCpu));
		out.printf("    (for reference, per workflow: garbage collection pauses %.1f ms; JIT compiler threads busy %.1f ms,"
				+ " elapsed time summed over compiler threads, not CPU)%n",
				(after.gcMillis() - before.gcMillis()) / (double) completed,
				(after.jitMillis() - before.jitMillis()) / (double) completed);
		long sandbox = components.entrySet()
			.stream()
			.filter(e -> e.getKey().startsWith("sandbox") || e.getKey().startsWith("benchmark"))
			.mapToLong(Map.Entry::getValue)
			.sum();
		long overhead = components.getOrDefault("JVM itself: GC, JIT, threads that ended (per-task threads)", 0L);
		double sandboxShare = attributed == 0 ? 0 : (double) sandbox / attributed;
		double hubMillis = (jvmCpu - sandbox - overhead * sandboxShare) / 1e6 / completed
				+ (after.postgresTicks() - before.postgresTicks()) * tickSeconds * 1000 / completed;
		out.printf("  estimate: the hub alone (services, Kafka, PostgreSQL, its share of GC/JIT) needs %.0f ms CPU per "
				+ "workflow, so %d cores would carry at most ~%.0f workflows/s if the backends cost nothing%n",
				hubMillis, cores, hubMillis <= 0 ? 0 : cores * 1000 / hubMillis);
		Map<String, Long> db = delta(before.database(), after.database());
		out.printf("  process database per workflow: %.1f commits, %.1f rollbacks, %.1f rows inserted, %.1f updated, %.1f deleted, %.1f KB WAL%n",
				db.getOrDefault("xact_commit", 0L) / (double) completed,
				db.getOrDefault("xact_rollback", 0L) / (double) completed,
				db.getOrDefault("tup_inserted", 0L) / (double) completed,
				db.getOrDefault("tup_updated", 0L) / (double) completed,
				db.getOrDefault("tup_deleted", 0L) / (double) completed, db.getOrDefault("wal", 0L) / 1024.0 / completed);
		double commitsPerSecond = db.getOrDefault("xact_commit", 0L) / seconds;
		out.printf("  process database commits/s during the batch: %,.0f (%.1f %% of the single-row commit rate)%n",
				commitsPerSecond, 100 * commitsPerSecond / commitRate.perSecond());
		out.println("  process-api connection pool: " + pool.summary());
		stepsAndOutbox(out, batch);
		out.println("  backend requests per workflow (sandbox):");
		delta(before.backendRequests(), after.backendRequests())
			.forEach((key, count) -> out.printf("    %-16s %5.1f%n", key, count / (double) completed));
		out.println("  system-api resilience per workflow (calls through each policy, refusals, timeouts):");
		for (Map.Entry<String, Double> counter : after.counters().entrySet()) {
			double count = counter.getValue() - before.counters().getOrDefault(counter.getKey(), 0.0);
			if (count > 0 && counter.getKey().startsWith("system ")) {
				out.printf("    %-52s %6.1f%n", counter.getKey().substring(7), count / completed);
			}
		}
		out.println("  step attempts that did not finish the step (process-api):");
		boolean any = false;
		for (Map.Entry<String, Double> counter : after.counters().entrySet()) {
			double count = counter.getValue() - before.counters().getOrDefault(counter.getKey(), 0.0);
			if (count > 0 && counter.getKey().startsWith("process ") && !counter.getKey().endsWith(" done")) {
				out.printf("    %-52s %6.0f%n", counter.getKey(), count);
				any = true;
			}
		}
		if (!any) {
			out.println("    none");
		}
		out.println("  timers (count, mean) with the most time in them:");
		List<Map.Entry<String, double[]>> timers = new ArrayList<>();
		after.timers().forEach((key, values) -> {
			double[] was = before.timers().getOrDefault(key, new double[2]);
			double count = values[0] - was[0];
			if (count > 0) {
				timers.add(Map.entry(key, new double[] { count, values[1] - was[1] }));
			}
		});
		timers.sort(Comparator.comparingDouble((Map.Entry<String, double[]> e) -> -e.getValue()[1]));
		timers.stream()
			.limit(25)
			.forEach(e -> out.printf("    %-72s %7.0f  %8.2f ms%n", e.getKey(), e.getValue()[0],
					e.getValue()[1] / e.getValue()[0] / 1e6));
	}

	private void stepsAndOutbox(PrintStream out, ReturnsDriver.Batch batch) {
		UUID[] ids = batch.completed().stream().map(f -> f.returnId).toArray(UUID[]::new);
		Instant from = batch.startedAt();
		Instant to = batch.startedAt().plus(batch.wall());
		try (Connection connection = DriverManager.getConnection(this.processUrl, this.hub.postgres().username(),
				this.hub.postgres().password())) {
			out.println("  steps of the completed workflows: waited (due -> claimed and started) / ran (started -> completion committed), ms");
			out.printf("    %-28s %6s %9s %9s %9s %9s%n", "step", "count", "wait p50", "wait p95", "run p50", "run p95");
			try (PreparedStatement query = connection.prepareStatement("""
					SELECT s.step, count(*) AS n,
						percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM a.started_at - s.due_at)) AS wait50,
						percentile_cont(0.95) WITHIN GROUP (ORDER BY extract(epoch FROM a.started_at - s.due_at)) AS wait95,
						percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM a.finished_at - a.started_at)) AS run50,
						percentile_cont(0.95) WITHIN GROUP (ORDER BY extract(epoch FROM a.finished_at - a.started_at)) AS run95,
						min(a.started_at) AS first
					FROM workflow_step s JOIN workflow_attempt a ON a.step_id = s.id AND a.attempt = 1
					WHERE s.workflow_id = ANY(?)
					GROUP BY s.step ORDER BY first""")) {
				query.setArray(1, connection.createArrayOf("uuid", ids));
				try (ResultSet rows = query.executeQuery()) {
					while (rows.next()) {
						out.printf("    %-28s %6d %9.1f %9.1f %9.1f %9.1f%n", rows.getString("step"), rows.getLong("n"),
								rows.getDouble("wait50") * 1000, rows.getDouble("wait95") * 1000,
								rows.getDouble("run50") * 1000, rows.getDouble("run95") * 1000);
					}
				}
			}
			try (PreparedStatement query = connection.prepareStatement("""
					SELECT count(*) AS n,
						percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM published_at - created_at)) AS lag50,
						percentile_cont(0.95) WITHIN GROUP (ORDER BY extract(epoch FROM published_at - created_at)) AS lag95,
						max(extract(epoch FROM published_at - created_at)) AS lagmax
					FROM outbox_event WHERE created_at BETWEEN ? AND ? AND published_at IS NOT NULL""")) {
				query.setTimestamp(1, Timestamp.from(from));
				query.setTimestamp(2, Timestamp.from(to));
				try (ResultSet rows = query.executeQuery()) {
					rows.next();
					out.printf("  outbox: %d events (%.1f per workflow), commit -> published p50 %.1f ms, p95 %.1f ms, max %.1f ms%n",
							rows.getLong("n"), rows.getLong("n") / (double) Math.max(1, ids.length),
							rows.getDouble("lag50") * 1000, rows.getDouble("lag95") * 1000, rows.getDouble("lagmax") * 1000);
				}
			}
		}
		catch (SQLException ex) {
			out.println("  (step and outbox figures unavailable: " + ex.getMessage() + ")");
		}
	}

	/** What a workflow that never closed looks like, from process-api's step rows. */
	void describeStuck(PrintStream out, List<UUID> ids) {
		if (ids.isEmpty()) {
			return;
		}
		try (Connection connection = DriverManager.getConnection(this.processUrl, this.hub.postgres().username(),
				this.hub.postgres().password());
				PreparedStatement query = connection.prepareStatement("""
						SELECT step, status, attempts, coalesce(parked_reason, last_error) AS why
						FROM workflow_step WHERE workflow_id = ? ORDER BY created_at""")) {
			for (UUID id : ids.subList(0, Math.min(3, ids.size()))) {
				out.println("  workflow " + id + ":");
				query.setObject(1, id);
				try (ResultSet rows = query.executeQuery()) {
					while (rows.next()) {
						out.printf("    %-28s %-8s attempts %d %s%n", rows.getString("step"), rows.getString("status"),
								rows.getInt("attempts"), rows.getString("why") == null ? "" : rows.getString("why"));
					}
				}
			}
		}
		catch (SQLException ex) {
			out.println("  (workflow steps unavailable: " + ex.getMessage() + ")");
		}
	}

	private Map<String, Long> database() {
		Map<String, Long> values = new LinkedHashMap<>();
		try (Connection connection = DriverManager.getConnection(this.processUrl, this.hub.postgres().username(),
				this.hub.postgres().password()); Statement statement = connection.createStatement()) {
			try (ResultSet rows = statement.executeQuery("""
					SELECT xact_commit, xact_rollback, tup_inserted, tup_updated, tup_deleted,
						pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::bigint AS wal
					FROM pg_stat_database WHERE datname = current_database()""")) {
				rows.next();
				for (String column : List.of("xact_commit", "xact_rollback", "tup_inserted", "tup_updated",
						"tup_deleted", "wal")) {
					values.put(column, rows.getLong(column));
				}
			}
		}
		catch (SQLException ex) {
			// figures stay empty; the report says zero
		}
		return values;
	}

	private static Map<String, Long> delta(Map<String, Long> before, Map<String, Long> after) {
		Map<String, Long> delta = new TreeMap<>();
		after.forEach((key, value) -> delta.put(key, value - before.getOrDefault(key, 0L)));
		return delta;
	}

	/** {busy, total} jiffies of the whole machine, from /proc/stat. */
	private static long[] machineTicks() {
		try {
			String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
			long total = 0;
			for (int i = 1; i < cpu.length; i++) {
				total += Long.parseLong(cpu[i]);
			}
			long idle = Long.parseLong(cpu[4]) + Long.parseLong(cpu[5]);
			return new long[] { total - idle, total };
		}
		catch (IOException | RuntimeException ex) {
			return new long[] { 0, 0 };
		}
	}

	private static Map<Long, ThreadCpu> threadCpu() {
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		Map<Long, ThreadCpu> cpu = new LinkedHashMap<>();
		if (!threads.isThreadCpuTimeSupported()) {
			return cpu;
		}
		for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
			if (info != null) {
				long nanos = threads.getThreadCpuTime(info.getThreadId());
				if (nanos >= 0) {
					cpu.put(info.getThreadId(), new ThreadCpu(info.getThreadName(), nanos));
				}
			}
		}
		return cpu;
	}

	/**
	 * Which part of the hub a thread works for, by its name. Tomcat numbers its connectors in the
	 * order the servers start: the sandbox first, then the system API, then process-api
	 * ({@link BenchHub}).
	 */
	static String component(String thread) {
		if (thread.startsWith("http-nio-auto-1-")) {
			return "sandbox: HTTP requests (simulated ERP, CRM, payment, WMS, commerce)";
		}
		if (thread.startsWith("wms-")) {
			return "sandbox: WMS webhook delivery";
		}
		if (thread.startsWith("http-nio-auto-2-")) {
			return "system-api: HTTP requests (adapters)";
		}
		if (thread.startsWith("backend-call-")) {
			return "system-api: backend calls (resilience4j time limiter pool)";
		}
		if (thread.startsWith("http-nio-auto-3-")) {
			return "process-api: HTTP requests (POST /returns)";
		}
		if (thread.startsWith("step-worker-") || thread.startsWith("step-")) {
			return "process-api: step workers";
		}
		if (thread.startsWith("outbox-relay")) {
			return "process-api: outbox relay";
		}
		if (thread.contains("warehouse-receipts") || thread.contains("dead-letter")) {
			return "process-api: Kafka listeners";
		}
		if (thread.startsWith("kafka-producer-network-thread")) {
			return "Kafka producers (process-api, system-api)";
		}
		if (thread.startsWith("HttpClient-") || thread.startsWith("SimpleAsyncTaskExecutor")) {
			return "JDK HTTP clients (all services)";
		}
		if (thread.startsWith("bench-")) {
			return "benchmark driver";
		}
		if (thread.contains("kafka") || thread.startsWith("broker-") || thread.startsWith("controller-")
				|| thread.startsWith("quorum-") || thread.startsWith("group-coordinator") || thread.startsWith("raft")
				|| thread.startsWith("executor-") || thread.startsWith("ExpirationReaper") || thread.startsWith("data-plane")
				|| thread.startsWith("LogDirFailureHandler") || thread.startsWith("ReplicaFetcher")
				|| thread.startsWith("share-") || thread.startsWith("transaction-") || thread.startsWith("client-metrics")) {
			return "Kafka broker (embedded)";
		}
		return "other JVM threads";
	}

	static long jvmCpuNanos() {
		if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
			return os.getProcessCpuTime();
		}
		return 0;
	}

	/**
	 * utime + stime of this JVM's PostgreSQL server and its backends (not of other PostgreSQL
	 * servers on the machine), in jiffies: the postmaster is the parent of any backend.
	 */
	private long postgresTicks() {
		long postmaster = postmaster();
		if (postmaster <= 0) {
			return 0;
		}
		long ticks = 0;
		try (java.util.stream.Stream<Path> processes = Files.list(Path.of("/proc"))) {
			for (Path process : (Iterable<Path>) processes::iterator) {
				String name = process.getFileName().toString();
				if (!name.chars().allMatch(Character::isDigit)) {
					continue;
				}
				long[] stat = stat(process);
				if (stat != null && (Long.parseLong(name) == postmaster || stat[0] == postmaster)) {
					ticks += stat[1];
				}
			}
		}
		catch (IOException ex) {
			return 0;
		}
		return ticks;
	}

	private long postmaster() {
		if (this.postmaster == 0) {
			try (Connection connection = DriverManager.getConnection(this.processUrl, this.hub.postgres().username(),
					this.hub.postgres().password()); Statement statement = connection.createStatement();
					ResultSet rows = statement.executeQuery("SELECT pg_backend_pid()")) {
				rows.next();
				long[] backend = stat(Path.of("/proc", Long.toString(rows.getLong(1))));
				this.postmaster = backend == null ? -1 : backend[0];
			}
			catch (SQLException ex) {
				this.postmaster = -1;
			}
		}
		return this.postmaster;
	}

	/** {parent pid, utime + stime} of a process, or null if it is gone. */
	private static long[] stat(Path process) {
		try {
			String stat = Files.readString(process.resolve("stat"));
			String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			// after the name: state(0) ppid(1) ... utime(11) stime(12)
			return new long[] { Long.parseLong(fields[1]), Long.parseLong(fields[11]) + Long.parseLong(fields[12]) };
		}
		catch (IOException | RuntimeException ex) {
			return null;
		}
	}

	/** Processors, heap, JVM, GC, common pool parallelism and load average, on one line. */
	static String machine() {
		return String.format("%d available processors, max heap %,d MB, %s %s, GC %s, common pool parallelism %d, "
				+ "load average %.2f at start", Runtime.getRuntime().availableProcessors(),
				Runtime.getRuntime().maxMemory() / (1024 * 1024), System.getProperty("java.vm.name"),
				System.getProperty("java.version"),
				ManagementFactory.getGarbageCollectorMXBeans()
					.stream()
					.map(java.lang.management.GarbageCollectorMXBean::getName)
					.findFirst()
					.orElse("?"),
				java.util.concurrent.ForkJoinPool.getCommonPoolParallelism(),
				ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
	}

	static Duration since(long nanos) {
		return Duration.ofNanos(System.nanoTime() - nanos);
	}

}
