package io.retailhub.process.refunds;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.EntityGraph.EntityGraphType;
import org.springframework.data.jpa.repository.JpaRepository;

/**
 * Queries that load refunds fetch their lines in the same statement (a query does not join an
 * eager collection by itself: it would load it with one more statement per refund).
 */
interface RefundRepository extends JpaRepository<Refund, UUID> {

	@EntityGraph(attributePaths = "lines", type = EntityGraphType.LOAD)
	Optional<Refund> findByReturnId(UUID returnId);

	@EntityGraph(attributePaths = "lines", type = EntityGraphType.LOAD)
	List<Refund> findByOrderId(String orderId);

	long countByStatus(RefundStatus status);
}
