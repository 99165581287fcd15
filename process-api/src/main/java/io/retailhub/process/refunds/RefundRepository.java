package io.retailhub.process.refunds;

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
 * Queries that load refunds fetch their lines in the same statement (a query does not join an
 * eager collection by itself: it would load it with one more statement per refund).
 */
interface RefundRepository extends JpaRepository<Refund, UUID> {

	@EntityGraph(attributePaths = "lines", type = EntityGraphType.LOAD)
	Optional<Refund> findByReturnId(UUID returnId);

	@EntityGraph(attributePaths = "lines", type = EntityGraphType.LOAD)
	List<Refund> findByOrderId(String orderId);

	/** One page of an order's refund IDs, newest first. */
	@Query("select r.id from Refund r where r.orderId = :orderId order by r.createdAt desc, r.id")
	List<UUID> findIdsByOrderId(String orderId, Pageable page);

	@EntityGraph(attributePaths = "lines", type = EntityGraphType.LOAD)
	List<Refund> findByIdIn(Collection<UUID> ids);

	long countByStatus(RefundStatus status);
}
