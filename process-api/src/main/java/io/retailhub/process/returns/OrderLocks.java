package io.retailhub.process.returns;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Serializes the decisions that must see every return and refund of one order: eligibility
 * (quantities in open returns) and refund amounts (never more than was paid). A PostgreSQL
 * advisory lock on the order ID, held until the transaction ends; it works across process-api
 * instances and needs no row to exist.
 */
@Component
class OrderLocks {

	private final JdbcTemplate jdbc;

	OrderLocks(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	void lock(String orderId) {
		jdbc.query("select pg_advisory_xact_lock(hashtext(?))", rs -> null, "order:" + orderId);
	}
}
