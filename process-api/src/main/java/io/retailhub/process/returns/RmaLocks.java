package io.retailhub.process.returns;

import io.retailhub.contracts.ReturnAuthorizationId;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Serializes every transaction that either records an RMA on a return or decides what a
 * warehouse receipt for that RMA means. Without it, under READ COMMITTED, the transaction that
 * authorizes a return and the one that receives its parcel can each miss the other's
 * uncommitted row: the receipt finds no authorized return and is kept for later, the
 * authorization finds no kept receipt, and both commit, leaving the parcel unapplied. A
 * PostgreSQL advisory lock on the RMA number, held until the transaction ends: the second of the
 * two waits for the first to commit and then, reading afresh, sees what it wrote. It works across
 * process-api instances and needs no row to exist (a receipt can come before the hub knows the RMA).
 */
@Component
class RmaLocks {

	private final JdbcTemplate jdbc;

	RmaLocks(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	void lock(ReturnAuthorizationId rma) {
		jdbc.query("select pg_advisory_xact_lock(hashtext(?))", rs -> null, "rma:" + rma.value());
	}
}
