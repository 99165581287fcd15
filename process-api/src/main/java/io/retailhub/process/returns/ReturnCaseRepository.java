package io.retailhub.process.returns;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.EntityGraph.EntityGraphType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/**
 * Queries that load returns fetch their lines in the same statement (a query does not join an
 * eager collection by itself: it would load it with one more statement per return). The declines,
 * rare, still come with a statement of their own: joining both collections would repeat each line
 * once per decline.
 */
interface ReturnCaseRepository extends JpaRepository<ReturnCase, UUID> {

	@EntityGraph(attributePaths = "lines", type = EntityGraphType.LOAD)
	Optional<ReturnCase> findByRequestKey(String requestKey);

	@EntityGraph(attributePaths = "lines", type = EntityGraphType.LOAD)
	Optional<ReturnCase> findByRmaNumber(String rmaNumber);

	@EntityGraph(attributePaths = "lines", type = EntityGraphType.LOAD)
	List<ReturnCase> findByOrderIdOrderByRequestedAtDesc(String orderId);

	@EntityGraph(attributePaths = "lines", type = EntityGraphType.LOAD)
	List<ReturnCase> findByCustomerIdOrderByRequestedAtDesc(String customerId);

	/** Returns per status, for the gauge. */
	@Query("select r.status as status, count(r) as count from ReturnCase r group by r.status")
	List<StatusCount> countByStatus();

	interface StatusCount {

		ReturnStatus getStatus();

		long getCount();

	}
}
