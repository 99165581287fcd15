package io.retailhub.sandbox.backends.state;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * What of the simulated backends survives a restart. Without a directory
 * ({@code sandbox.state.directory} unset, as in tests and the benchmark) nothing does and this
 * costs nothing: a change just runs, a number range just counts. With one, the backends' state is
 * written to a snapshot there shortly after it changes ({@link StateSnapshots}), restored on top
 * of the seeded demo data at the next start, and number ranges reserve their numbers there
 * before handing them out ({@link NumberRange}).
 *
 * <p>Every change of state a snapshot holds runs through {@link #change}: changes run side by side
 * (each store keeps its own lock), a snapshot is taken between them, so it never holds half a
 * change, such as a refund without the idempotency key that created it. A change takes this lock
 * before its store's lock, never after; a change inside a change is fine.
 */
@Component
public class SandboxState {

	static final String SNAPSHOT_FILE = "snapshot.json";

	static final String NUMBERS_FILE = "numbers.json";

	/** The snapshot's layout; a snapshot of another layout is refused, not misread. */
	static final int FORMAT = 1;

	static final JsonMapper JSON = JsonMapper.builder().build();

	private final StateSettings settings;

	private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

	/** Changes so far; a snapshot records how many it holds. */
	private final AtomicLong changes = new AtomicLong();

	private final NumberReservations reservations;

	private final Snapshot saved;

	private final List<NumberRange> ranges = new CopyOnWriteArrayList<>();

	private volatile World world;

	SandboxState(StateSettings settings) {
		this.settings = settings;
		if (settings.persistent()) {
			createDirectory(settings.directory());
			this.reservations = NumberReservations.load(settings.directory().resolve(NUMBERS_FILE));
			this.saved = readSnapshot(settings.directory().resolve(SNAPSHOT_FILE));
		}
		else {
			this.reservations = null;
			this.saved = null;
		}
	}

	/** A state that keeps nothing: what the sandbox runs with when no directory is configured. */
	public static SandboxState inMemory() {
		return new SandboxState(new StateSettings(null, Duration.ofSeconds(1), 1));
	}

	/** The snapshot as written: the world it was taken in, then each backend's part by name. */
	record Snapshot(int format, Instant savedAt, World world, Map<String, JsonNode> parts) {
	}

	/** Whether the backends' state is kept in a directory. */
	public boolean persistent() {
		return settings.persistent();
	}

	/**
	 * The world to seed: the one configured, its anchor (when not configured) that of the saved
	 * snapshot, else {@code today}. A snapshot is only restored onto its own world, so its
	 * documents find the orders, dates and numbers they were made with.
	 * @param anchor the configured anchor, null for none
	 * @throws IllegalStateException when a saved snapshot was taken in another world
	 */
	public World world(long seed, int customers, int orders, Instant anchor, Instant today) {
		World chosen;
		if (saved == null) {
			chosen = new World(seed, customers, orders, anchor != null ? anchor : today);
		}
		else {
			chosen = new World(seed, customers, orders, anchor != null ? anchor : saved.world().anchor());
			if (!chosen.equals(saved.world())) {
				throw new IllegalStateException("The sandbox state in " + settings.directory() + " was saved with "
						+ saved.world() + ", not with the configured " + chosen
						+ ": start with the same sandbox.data settings, or delete the directory for a clean slate");
			}
		}
		this.world = chosen;
		return chosen;
	}

	/** Runs a change of state; see the class comment. */
	public <T> T change(Supplier<T> change) {
		if (!settings.persistent()) {
			return change.get();
		}
		lock.readLock().lock();
		try {
			return change.get();
		}
		finally {
			changes.incrementAndGet();
			lock.readLock().unlock();
		}
	}

	public void change(Runnable change) {
		change(() -> {
			change.run();
			return null;
		});
	}

	/**
	 * A number range starting at {@code first}, or, with a state directory, after every number an
	 * earlier run of the sandbox may have handed out.
	 */
	public NumberRange numbers(String name, long first) {
		NumberRange range = reservations == null ? new NumberRange(name, first, null, settings.numberBlock())
				: new NumberRange(name, reservations.reservedUpTo(name, first), reservations, settings.numberBlock());
		ranges.add(range);
		return range;
	}

	StateSettings settings() {
		return settings;
	}

	Optional<Snapshot> saved() {
		return Optional.ofNullable(saved);
	}

	World currentWorld() {
		return world;
	}

	List<NumberRange> ranges() {
		return List.copyOf(ranges);
	}

	long changes() {
		return changes.get();
	}

	/**
	 * Runs {@code action} while no change is under way, if no change is under way now; never
	 * waits for one, so a snapshot never holds back the requests.
	 */
	<T> Optional<T> tryAlone(Supplier<T> action) {
		if (!lock.writeLock().tryLock()) {
			return Optional.empty();
		}
		try {
			return Optional.of(action.get());
		}
		finally {
			lock.writeLock().unlock();
		}
	}

	/** Runs {@code action} once no change is under way, holding back new ones meanwhile. */
	<T> T alone(Supplier<T> action) {
		lock.writeLock().lock();
		try {
			return action.get();
		}
		finally {
			lock.writeLock().unlock();
		}
	}

	private static void createDirectory(Path directory) {
		try {
			Files.createDirectories(directory);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot create the sandbox state directory " + directory, ex);
		}
	}

	private static Snapshot readSnapshot(Path file) {
		if (!Files.exists(file)) {
			return null;
		}
		Snapshot snapshot;
		try {
			snapshot = JSON.readValue(Files.readAllBytes(file), Snapshot.class);
		}
		catch (IOException | JacksonException ex) {
			throw new IllegalStateException("Cannot read the sandbox state " + file
					+ ": start on another directory, or delete this one for a clean slate", ex);
		}
		if (snapshot.format() != FORMAT) {
			throw new IllegalStateException("The sandbox state " + file + " has format " + snapshot.format()
					+ ", this sandbox reads format " + FORMAT + ": delete the directory for a clean slate");
		}
		return snapshot;
	}
}
