package io.retailhub.process.returns;

import io.retailhub.contracts.ReturnAuthorizationId;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The locks that serialize decisions two transactions could otherwise each take without seeing
 * the other's uncommitted rows (READ COMMITTED). PostgreSQL advisory locks, held until the
 * transaction ends: they work across process-api instances and need no row to exist. Whoever
 * takes one waits for the holder to commit, then reads afresh what it wrote.
 */
@Component
class ReturnLocks {

	private final JdbcTemplate jdbc;

	ReturnLocks(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The order's lock, around the decisions that must see every return and refund of one order:
	 * eligibility (quantities in open returns) and refund amounts (never more than was paid).
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	void order(String orderId) {
		lock("order:" + orderId);
	}

	/**
	 * The RMA's lock, taken first by every transaction that records an RMA on a return and by every
	 * one that decides what a warehouse receipt for that RMA means. Without it the authorization and
	 * the receipt can each miss the other's row (the return in one table, the kept receipt in
	 * another): the receipt is kept for later, the authorization finds nothing kept, both commit,
	 * and the parcel is never applied.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	void rma(ReturnAuthorizationId rma) {
		lock("rma:" + rma.value());
	}

	private void lock(String key) {
		jdbc.query("select pg_advisory_xact_lock(hashtext(?))", rs -> null, key);
	}
}
