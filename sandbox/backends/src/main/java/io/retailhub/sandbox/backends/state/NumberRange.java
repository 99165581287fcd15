package io.retailhub.sandbox.backends.state;

/**
 * Hands out a backend's document numbers (RMAs, credit memos, case numbers, receipt IDs, ...),
 * each once. With a state directory, numbers are reserved on disk in blocks before the first of a
 * block is handed out, and a restart goes on after the last reserved block: a number handed out
 * just before a crash, whose document the crash lost, is never handed out again. Thread-safe.
 */
public final class NumberRange {

	private final String name;

	/** Null when the sandbox keeps nothing. */
	private final NumberReservations reservations;

	private final int block;

	private long next;

	/** The first number not reserved yet. */
	private long reservedUpTo;

	NumberRange(String name, long next, NumberReservations reservations, int block) {
		this.name = name;
		this.next = next;
		this.reservedUpTo = next;
		this.reservations = reservations;
		this.block = block;
	}

	/**
	 * The next number.
	 * @throws java.io.UncheckedIOException when the next block cannot be reserved: no number is
	 * handed out then
	 */
	public synchronized long next() {
		if (reservations != null && next >= reservedUpTo) {
			long upTo = next + block;
			reservations.reserve(name, upTo);
			reservedUpTo = upTo;
		}
		return next++;
	}

	/** Goes on at {@code number} at the earliest: a restored document's number is never handed out again. */
	public synchronized void skipTo(long number) {
		next = Math.max(next, number);
	}

	synchronized View view() {
		return new View(next, reservations == null ? null : Math.max(next, reservedUpTo));
	}

	String name() {
		return name;
	}

	/** The next number and, with a state directory, the first one not reserved yet. */
	record View(long next, Long reservedUpTo) {
	}
}
