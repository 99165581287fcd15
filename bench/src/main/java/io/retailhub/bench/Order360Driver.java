package io.retailhub.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import io.retailhub.sandbox.identity.DemoTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Asks experience-api for the agent order 360 ({@code GET /api/agent/v1/orders/{id}}) as the demo
 * agent {@value #AGENT}, with a fixed number of requests in flight (closed loop: each caller asks
 * again as soon as its answer is read), going round the orders given. A request counts from just
 * before it is sent to its whole answer read; every panel's status in the answer is counted.
 */
final class Order360Driver {

	/** The demo agent whose token every request carries. */
	static final String AGENT = "agent.ava";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final String experienceApiUrl;

	private final DemoTokens tokens;

	private final List<String> orders;

	private final AtomicInteger next = new AtomicInteger();

	private final HttpClient http;

	Order360Driver(String experienceApiUrl, String issuerUrl, List<String> orders) {
		this.experienceApiUrl = experienceApiUrl;
		this.tokens = DemoTokens.of(issuerUrl);
		this.orders = List.copyOf(orders);
		this.http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(2))
			.build();
	}

	/**
	 * What one batch did.
	 *
	 * @param latencies of the requests answered 200
	 * @param panels how often each panel came back with each status: panel, then status
	 * @param allOk answers in which every panel was OK
	 * @param failures requests not answered 200 (the first few described in {@code failed})
	 * @param failed the first few failures
	 * @param wall from the first request sent to the last answer read
	 * @param cpu CPU time this JVM used meanwhile: every service, the sandbox and the driver
	 */
	record Batch(Latencies latencies, Map<String, Map<String, Long>> panels, long allOk, long failures,
			List<String> failed, Duration wall, Duration cpu) {

		/** This JVM's CPU time per request. */
		Duration cpuPerRequest() {
			return requests() == 0 ? Duration.ZERO : this.cpu.dividedBy(requests());
		}

		/** Requests sent, answered 200 or not. */
		long requests() {
			return this.latencies.count() + this.failures;
		}

		/** Panels not OK, over all answers, e.g. {@code eligibility UNAVAILABLE 3}; empty if none. */
		List<String> notOk() {
			List<String> notOk = new ArrayList<>();
			this.panels.forEach((panel, statuses) -> statuses.forEach((status, count) -> {
				if (!"OK".equals(status)) {
					notOk.add(panel + " " + status + " " + count);
				}
			}));
			return notOk;
		}

		/** Every request answered 200 with every panel OK. */
		boolean healthy() {
			return this.failures == 0 && this.allOk == this.latencies.count() && this.latencies.count() > 0;
		}

		double perSecond() {
			return this.wall.isZero() ? 0 : this.latencies.count() / (this.wall.toNanos() / 1e9);
		}

	}

	/** Runs {@code requests} order 360 requests with {@code concurrency} in flight. */
	Batch run(int requests, int concurrency) throws InterruptedException {
		Latencies latencies = new Latencies();
		Map<String, Map<String, LongAdder>> panels = new ConcurrentHashMap<>();
		LongAdder allOk = new LongAdder();
		LongAdder failures = new LongAdder();
		List<String> failed = Collections.synchronizedList(new ArrayList<>());
		AtomicInteger left = new AtomicInteger(requests);
		ExecutorService callers = Executors.newFixedThreadPool(concurrency, runnable -> {
			Thread thread = new Thread(runnable, "bench-order360");
			thread.setDaemon(true);
			return thread;
		});
		long cpu = Diagnostics.jvmCpuNanos();
		long started = System.nanoTime();
		try {
			List<Future<?>> running = new ArrayList<>();
			for (int i = 0; i < concurrency; i++) {
				running.add(callers.submit(() -> {
					while (left.getAndDecrement() > 0) {
						String order = this.orders.get(Math.floorMod(this.next.getAndIncrement(), this.orders.size()));
						String failure = once(order, latencies, panels, allOk);
						if (failure != null) {
							failures.increment();
							if (failed.size() < 5) {
								failed.add(order + ": " + failure);
							}
						}
					}
				}));
			}
			for (Future<?> caller : running) {
				caller.get();
			}
		}
		catch (java.util.concurrent.ExecutionException ex) {
			throw new IllegalStateException("a caller failed", ex.getCause());
		}
		finally {
			callers.shutdownNow();
		}
		Duration wall = Diagnostics.since(started);
		Duration used = Duration.ofNanos(Diagnostics.jvmCpuNanos() - cpu);
		Map<String, Map<String, Long>> counted = new TreeMap<>();
		panels.forEach((panel, statuses) -> {
			Map<String, Long> byStatus = new TreeMap<>();
			statuses.forEach((status, count) -> byStatus.put(status, count.sum()));
			counted.put(panel, byStatus);
		});
		return new Batch(latencies, counted, allOk.sum(), failures.sum(), List.copyOf(failed), wall, used);
	}

	/** One order 360; null when it was answered 200, else what went wrong. */
	private String once(String order, Latencies latencies, Map<String, Map<String, LongAdder>> panels,
			LongAdder allOk) {
		HttpRequest request = HttpRequest
			.newBuilder(URI.create(this.experienceApiUrl + "/api/agent/v1/orders/" + order))
			.header("Authorization", "Bearer " + this.tokens.userToken(AGENT))
			.header("Accept", "application/json")
			.timeout(Duration.ofSeconds(10))
			.GET()
			.build();
		long sent = System.nanoTime();
		HttpResponse<String> response;
		try {
			response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			return ex.toString();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return "interrupted";
		}
		Duration latency = Diagnostics.since(sent);
		if (response.statusCode() != 200) {
			return response.statusCode() + " " + abbreviate(response.body());
		}
		latencies.record(latency);
		JsonNode answer = JSON.readTree(response.body()).path("panels");
		boolean ok = !answer.properties().isEmpty();
		for (Map.Entry<String, JsonNode> panel : answer.properties()) {
			String status = panel.getValue().path("status").asString("MISSING");
			ok &= "OK".equals(status);
			panels.computeIfAbsent(panel.getKey(), p -> new ConcurrentHashMap<>())
				.computeIfAbsent(status, s -> new LongAdder())
				.increment();
		}
		if (ok) {
			allOk.increment();
		}
		return null;
	}

	private static String abbreviate(String text) {
		return text.length() <= 300 ? text : text.substring(0, 300) + "...";
	}

}
