package io.retailhub.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.retailhub.sandbox.identity.DemoTokens;

/**
 * Drives returns through the whole flow with a fixed number in flight: requests the return over
 * the process API, waits for return-authorized on Kafka, has the sandbox warehouse receive the
 * parcel for the RMA (which pushes its signed webhook to the system API, which publishes
 * return-received), and waits for return-closed, which process-api publishes in the transaction
 * that completes the refund. A return counts from just before its request to the moment its
 * return-closed event is read.
 */
final class ReturnsDriver implements ReturnEvents.Listener {

	private static final Pattern RETURN_ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");

	/** Reasons that waive the return shipping fee are left out: the refund then has every part. */
	private static final String REASON = "SIZE_TOO_SMALL";

	/** How often a receipt the sandbox refused with 503 (ERP not readable) is tried again. */
	private static final int RECEIPT_ATTEMPTS = 5;

	private final String processApiUrl;

	private final String sandboxUrl;

	/** The service token (client retailhub-cli) each request to the process API carries. */
	private final DemoTokens tokens;

	private final HttpClient http;

	private final ExecutorService calls;

	private final Object registry = new Object();

	/** Returns of the current batch by ID; guarded by {@link #registry} together with {@link #early}. */
	private final Map<UUID, Flight> flights = new HashMap<>();

	/** Events that arrived before their request's answer did. */
	private final Map<UUID, List<Consumer<Flight>>> early = new HashMap<>();

	ReturnsDriver(String processApiUrl, String sandboxUrl, String issuerUrl) {
		this.processApiUrl = processApiUrl;
		this.sandboxUrl = sandboxUrl;
		this.tokens = DemoTokens.of(issuerUrl);
		// blocking calls: a request per return in flight, a receipt per return authorized (the
		// HTTP client keeps its own executor, so a blocked caller never starves a response)
		this.calls = Executors.newCachedThreadPool(runnable -> {
			Thread thread = new Thread(runnable, "bench-driver");
			thread.setDaemon(true);
			return thread;
		});
		this.http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(2))
			.build();
	}

	/** One return on its way, with the moments it passed (System.nanoTime, 0 until passed). */
	static final class Flight {

		final ReturnableLines.Line line;

		final long startedAt;

		volatile long requestedAt;

		volatile long authorizedAt;

		volatile long receivedAt;

		volatile long closedAt;

		volatile UUID returnId;

		volatile String failure;

		final AtomicBoolean finished = new AtomicBoolean();

		Flight(ReturnableLines.Line line) {
			this.line = line;
			this.startedAt = System.nanoTime();
		}

		String stage() {
			if (this.closedAt != 0) {
				return "CLOSED";
			}
			if (this.receivedAt != 0) {
				return "RECEIVED (parcel in, waiting for the refund)";
			}
			if (this.authorizedAt != 0) {
				return "AUTHORIZED (parcel being received)";
			}
			if (this.requestedAt != 0) {
				return "REQUESTED (waiting for AUTHORIZED)";
			}
			return "REQUEST IN FLIGHT";
		}

	}

	/** What one batch did. */
	record Batch(String label, int started, List<Flight> completed, List<Flight> failed, Instant startedAt,
			Duration wall) {

		double perSecond() {
			return this.wall.isZero() ? 0 : this.completed.size() / (this.wall.toNanos() / 1e9);
		}

	}

	private final class Run {

		final Semaphore slots;

		final CountDownLatch done;

		final List<Flight> all = new ArrayList<>();

		volatile long lastFinishedAt;

		Run(int concurrency, int count) {
			this.slots = new Semaphore(concurrency);
			this.done = new CountDownLatch(count);
		}

		void finish(Flight flight, String failure) {
			if (!flight.finished.compareAndSet(false, true)) {
				return;
			}
			if (failure != null) {
				flight.failure = failure;
			}
			this.lastFinishedAt = System.nanoTime();
			this.slots.release();
			this.done.countDown();
		}

	}

	private volatile Run current;

	/**
	 * Runs the lines through the flow, at most {@code concurrency} at once, and waits until every
	 * return closed or failed, or until {@code timeout} after the last request; returns still open
	 * then count as failed (and if no slot frees up for {@code timeout}, no further return starts).
	 */
	Batch run(String label, List<ReturnableLines.Line> lines, int concurrency, Duration timeout)
			throws InterruptedException {
		Run run = new Run(concurrency, lines.size());
		this.current = run;
		Instant startedAt = Instant.now();
		long start = System.nanoTime();
		boolean stalled = false;
		for (ReturnableLines.Line line : lines) {
			// every slot held by a return that does not move: stop starting new ones
			if (!run.slots.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				stalled = true;
				break;
			}
			Flight flight = new Flight(line);
			run.all.add(flight);
			this.calls.execute(() -> request(run, flight));
		}
		if (stalled || !run.done.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
			for (Flight flight : run.all) {
				run.finish(flight, "timed out at " + flight.stage());
			}
		}
		long end = run.lastFinishedAt == 0 ? System.nanoTime() : run.lastFinishedAt;
		synchronized (this.registry) {
			this.flights.clear();
			this.early.clear();
		}
		List<Flight> completed = run.all.stream().filter(f -> f.failure == null).toList();
		List<Flight> failed = run.all.stream().filter(f -> f.failure != null).toList();
		return new Batch(label, run.all.size(), completed, failed, startedAt, Duration.ofNanos(end - start));
	}

	private void request(Run run, Flight flight) {
		String body = "{\"orderId\":\"" + flight.line.orderNumber() + "\",\"channel\":\"PORTAL\",\"lines\":[{"
				+ "\"lineNumber\":\"" + flight.line.lineNumber() + "\",\"quantity\":" + flight.line.quantity()
				+ ",\"reason\":\"" + REASON + "\"}]}";
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.processApiUrl + "/api/process/v1/returns"))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json")
			.header("Idempotency-Key", "bench-" + UUID.randomUUID())
			.header("Authorization", this.tokens.serviceAuthorization())
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		try {
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			flight.requestedAt = System.nanoTime();
			Matcher id = RETURN_ID.matcher(response.body());
			if (response.statusCode() != 201 || !id.find()) {
				run.finish(flight, "request answered " + response.statusCode() + ": " + response.body());
				return;
			}
			UUID returnId = UUID.fromString(id.group(1));
			flight.returnId = returnId;
			List<Consumer<Flight>> waiting;
			synchronized (this.registry) {
				this.flights.put(returnId, flight);
				waiting = this.early.remove(returnId);
			}
			if (waiting != null) {
				waiting.forEach(event -> event.accept(flight));
			}
		}
		catch (IOException ex) {
			run.finish(flight, "request failed: " + ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			run.finish(flight, "interrupted");
		}
	}

	private void receive(Flight flight, String rmaNumber) {
		Run run = this.current;
		HttpRequest request = HttpRequest
			.newBuilder(URI.create(this.sandboxUrl + "/admin/warehouse/rmas/" + rmaNumber + "/receive"))
			.timeout(Duration.ofSeconds(30))
			.POST(HttpRequest.BodyPublishers.noBody())
			.build();
		try {
			for (int attempt = 1;; attempt++) {
				HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() == 201) {
					flight.receivedAt = System.nanoTime();
					return;
				}
				if (response.statusCode() != 503 || attempt == RECEIPT_ATTEMPTS) {
					run.finish(flight, "receiving RMA " + rmaNumber + " answered " + response.statusCode() + ": "
							+ response.body());
					return;
				}
				Thread.sleep(100L * attempt);
			}
		}
		catch (IOException ex) {
			run.finish(flight, "receiving RMA " + rmaNumber + " failed: " + ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			run.finish(flight, "interrupted");
		}
	}

	/** Applies the event to its return now, or once the return's request has been answered. */
	private void when(UUID returnId, Consumer<Flight> event) {
		Flight flight;
		synchronized (this.registry) {
			flight = this.flights.get(returnId);
			if (flight == null) {
				this.early.computeIfAbsent(returnId, id -> new ArrayList<>()).add(event);
				return;
			}
		}
		event.accept(flight);
	}

	@Override
	public void authorized(UUID returnId, String rmaNumber) {
		long at = System.nanoTime();
		when(returnId, flight -> {
			flight.authorizedAt = at;
			this.calls.execute(() -> receive(flight, rmaNumber));
		});
	}

	@Override
	public void declined(UUID returnId, String reason) {
		when(returnId, flight -> this.current.finish(flight, "declined: " + reason));
	}

	@Override
	public void closed(UUID returnId) {
		long at = System.nanoTime();
		when(returnId, flight -> {
			flight.closedAt = at;
			this.current.finish(flight, null);
		});
	}

	/** Returns of the last batch that never closed, by ID, for a look at the workflow API. */
	static List<UUID> stuck(Batch batch) {
		return batch.failed().stream().map(f -> f.returnId).filter(java.util.Objects::nonNull).toList();
	}

	void close() {
		this.calls.shutdownNow();
	}

}
