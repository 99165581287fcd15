package io.retailhub.process.returns;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.EntityGraph.EntityGraphType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/**
 * Queries that load returns fetch lines and declines in the same statement, as loading by ID does
 * (a query does not join an eager collection by itself: it would load each with one more statement
 * per return). Both are indexed lists, so joining both cannot repeat an element.
 */
interface ReturnCaseRepository extends JpaRepository<ReturnCase, UUID> {

	@EntityGraph(attributePaths = { "lines", "declines" }, type = EntityGraphType.LOAD)
	Optional<ReturnCase> findByRequestKey(String requestKey);

	@EntityGraph(attributePaths = { "lines", "declines" }, type = EntityGraphType.LOAD)
	Optional<ReturnCase> findByRmaNumber(String rmaNumber);

	@EntityGraph(attributePaths = { "lines", "declines" }, type = EntityGraphType.LOAD)
	List<ReturnCase> findByOrderIdOrderByRequestedAtDesc(String orderId);

	@EntityGraph(attributePaths = { "lines", "declines" }, type = EntityGraphType.LOAD)
	List<ReturnCase> findByCustomerIdOrderByRequestedAtDesc(String customerId);

	/** One page of an order's return IDs, newest first (IDs first: a page of joined rows would be cut in memory). */
	@Query("select r.id from ReturnCase r where r.orderId = :orderId order by r.requestedAt desc, r.id")
	List<UUID> findIdsByOrderId(String orderId, Pageable page);

	/** One page of a customer's return IDs, newest first. */
	@Query("select r.id from ReturnCase r where r.customerId = :customerId order by r.requestedAt desc, r.id")
	List<UUID> findIdsByCustomerId(String customerId, Pageable page);

	@EntityGraph(attributePaths = { "lines", "declines" }, type = EntityGraphType.LOAD)
	List<ReturnCase> findByIdIn(Collection<UUID> ids);

	/** Returns per status, for the gauge. */
	@Query("select r.status as status, count(r) as count from ReturnCase r group by r.status")
	List<StatusCount> countByStatus();

	interface StatusCount {

		ReturnStatus getStatus();

		long getCount();

	}
}
