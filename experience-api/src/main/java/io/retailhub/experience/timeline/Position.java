package io.retailhub.experience.timeline;

/**
 * Where an entry stands in commit order: its inserting transaction ({@code tx_id}, a
 * PostgreSQL {@code xid8}), then its id. Streams read entries in this order and only below the
 * oldest transaction still open, so an entry that commits late is never skipped.
 */
record Position(long txId, long id) implements Comparable<Position> {

	static final Position START = new Position(0, 0);

	@Override
	public int compareTo(Position other) {
		int byTx = Long.compareUnsigned(this.txId, other.txId);
		return byTx != 0 ? byTx : Long.compare(this.id, other.id);
	}

	boolean isAfter(Position other) {
		return compareTo(other) > 0;
	}

}
