package io.retailhub.process.refunds;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface RefundRepository extends JpaRepository<Refund, UUID> {

	Optional<Refund> findByReturnId(UUID returnId);

	List<Refund> findByOrderId(String orderId);

	long countByStatus(RefundStatus status);
}
