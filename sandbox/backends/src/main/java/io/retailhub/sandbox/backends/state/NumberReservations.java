package io.retailhub.sandbox.backends.state;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;

/**
 * The file of reserved number blocks ({@value SandboxState#NUMBERS_FILE}): per number range, the
 * first number not reserved yet. Every number below it may have been handed out. Each reservation
 * replaces the file atomically and durably before the range hands out a number of the block.
 */
final class NumberReservations {

	private final Path file;

	/** Range name to the first number not reserved. Guarded by {@code this}. */
	private final Map<String, Long> reservedUpTo;

	private NumberReservations(Path file, Map<String, Long> reservedUpTo) {
		this.file = file;
		this.reservedUpTo = reservedUpTo;
	}

	/** The reservations in the file, none when there is no file yet. */
	static NumberReservations load(Path file) {
		if (!Files.exists(file)) {
			return new NumberReservations(file, new TreeMap<>());
		}
		try {
			Map<String, Long> saved = SandboxState.JSON.readValue(Files.readAllBytes(file),
					new TypeReference<TreeMap<String, Long>>() {
					});
			return new NumberReservations(file, saved);
		}
		catch (IOException | JacksonException ex) {
			throw new IllegalStateException("Cannot read the sandbox's number reservations " + file
					+ "; without them numbers could be handed out twice. Delete the directory for a clean slate.", ex);
		}
	}

	/** The first number a range may hand out: none below it was reserved in an earlier run. */
	synchronized long reservedUpTo(String range, long first) {
		return Math.max(first, reservedUpTo.getOrDefault(range, first));
	}

	/** Reserves every number of the range below {@code upTo}, on disk, before returning. */
	synchronized void reserve(String range, long upTo) {
		Map<String, Long> next = new TreeMap<>(reservedUpTo);
		next.merge(range, upTo, Math::max);
		try {
			AtomicFiles.write(file, SandboxState.JSON.writeValueAsBytes(next));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot reserve numbers of " + range + " in " + file, ex);
		}
		reservedUpTo.putAll(next);
	}
}
