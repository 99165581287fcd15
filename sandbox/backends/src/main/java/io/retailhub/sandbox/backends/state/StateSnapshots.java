package io.retailhub.sandbox.backends.state;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Restores the backends' state at start and writes it while they run, when the sandbox has a
 * state directory (else it does nothing).
 *
 * <p>At start, once every backend has seeded itself and before the web server takes a request,
 * each backend's part of the saved snapshot is put in place. While the sandbox runs, a snapshot of
 * every part is written at most every {@code snapshot-interval} while something changed: taken
 * between two changes (it waits for no change and holds none back: when one is under way, it is
 * tried again a moment later), then written atomically ({@link AtomicFiles}) outside the lock. A
 * last snapshot is written when the sandbox stops, after its web server stopped. So a crash loses
 * at most the changes of the last interval, and never a number (see {@link NumberRange}).
 */
@Component
class StateSnapshots implements SmartInitializingSingleton, SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(StateSnapshots.class);

	/** How soon a snapshot is tried again when a change was under way. */
	private static final Duration RETRY = Duration.ofMillis(10);

	private final SandboxState state;

	private final List<PersistentState<?>> parts;

	private final Clock clock;

	private volatile ScheduledExecutorService writer;

	/** The number of changes the last written snapshot holds. */
	private volatile long savedChanges;

	private volatile Instant savedAt;

	private volatile boolean running;

	StateSnapshots(SandboxState state, List<PersistentState<?>> parts, Clock clock) {
		this.state = state;
		this.parts = parts;
		this.clock = clock;
	}

	@Override
	public void afterSingletonsInstantiated() {
		if (!state.persistent()) {
			return;
		}
		Optional<SandboxState.Snapshot> saved = state.saved();
		if (saved.isPresent()) {
			state.alone(() -> {
				saved.get().parts().forEach(this::restore);
				return null;
			});
			savedAt = saved.get().savedAt();
			savedChanges = state.changes();
			log.info("Sandbox state restored from {} (saved {})", file(), savedAt);
		}
		else {
			// the first start: the world (its anchor above all) is kept from now on, whatever follows
			write(state.alone(this::take));
		}
	}

	private void restore(String name, JsonNode saved) {
		PersistentState<?> part = parts.stream()
			.filter(p -> p.name().equals(name))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("The sandbox state " + file() + " holds a part '" + name
					+ "' this sandbox does not know: delete the directory for a clean slate"));
		restore(part, saved);
	}

	private static <S> void restore(PersistentState<S> part, JsonNode saved) {
		part.restore(SandboxState.JSON.treeToValue(saved, part.type()));
	}

	@Override
	public synchronized void start() {
		running = true;
		if (!state.persistent()) {
			return;
		}
		writer = Executors.newSingleThreadScheduledExecutor(runnable -> {
			Thread thread = new Thread(runnable, "sandbox-state");
			thread.setDaemon(true);
			return thread;
		});
		long interval = state.settings().snapshotInterval().toMillis();
		writer.scheduleWithFixedDelay(this::saveIfChanged, interval, interval, TimeUnit.MILLISECONDS);
	}

	/** The last snapshot: the web server has stopped, so no request changes anything any more. */
	@Override
	public synchronized void stop() {
		running = false;
		if (writer == null) {
			return;
		}
		writer.shutdownNow();
		try {
			writer.awaitTermination(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		writer = null;
		if (unsaved()) {
			write(state.alone(this::take));
		}
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	/** Starts before the web server and stops after it. */
	@Override
	public int getPhase() {
		return Integer.MIN_VALUE + 1_000;
	}

	/** Whether something changed since the last snapshot was written. */
	boolean unsaved() {
		return state.changes() != savedChanges;
	}

	Instant savedAt() {
		return savedAt;
	}

	Path file() {
		return state.settings().directory().resolve(SandboxState.SNAPSHOT_FILE);
	}

	/** Runs on the writer thread only. */
	private void saveIfChanged() {
		if (!unsaved()) {
			return;
		}
		Optional<Taken> taken = state.tryAlone(this::take);
		if (taken.isEmpty()) {
			ScheduledExecutorService current = writer;
			if (current != null && !current.isShutdown()) {
				current.schedule(this::saveIfChanged, RETRY.toMillis(), TimeUnit.MILLISECONDS);
			}
			return;
		}
		write(taken.get());
	}

	/** What a snapshot holds, taken while no change is under way. */
	private record Taken(long changes, Map<String, Object> parts) {
	}

	/** A snapshot as it is written; read back as {@link SandboxState.Snapshot}. */
	private record Written(int format, Instant savedAt, World world, Map<String, Object> parts) {
	}

	private Taken take() {
		Map<String, Object> exported = new LinkedHashMap<>();
		parts.forEach(part -> exported.put(part.name(), part.export()));
		return new Taken(state.changes(), exported);
	}

	private void write(Taken taken) {
		Instant now = clock.instant();
		long started = System.nanoTime();
		try {
			byte[] content = SandboxState.JSON
				.writeValueAsBytes(new Written(SandboxState.FORMAT, now, state.currentWorld(), taken.parts()));
			AtomicFiles.write(file(), content);
			savedChanges = taken.changes();
			savedAt = now;
			log.debug("Sandbox state written to {}: {} bytes in {} ms", file(), content.length,
					Duration.ofNanos(System.nanoTime() - started).toMillis());
		}
		catch (IOException | RuntimeException ex) {
			log.error("Could not write the sandbox state to {}; trying again in {}", file(),
					state.settings().snapshotInterval(), ex);
		}
	}
}
