package io.retailhub.process.returns;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ReturnCaseRepository extends JpaRepository<ReturnCase, UUID> {

	Optional<ReturnCase> findByRequestKey(String requestKey);

	Optional<ReturnCase> findByRmaNumber(String rmaNumber);

	List<ReturnCase> findByOrderIdOrderByRequestedAtDesc(String orderId);

	List<ReturnCase> findByCustomerIdOrderByRequestedAtDesc(String customerId);

	/** Returns per status, for the gauge. */
	@Query("select r.status as status, count(r) as count from ReturnCase r group by r.status")
	List<StatusCount> countByStatus();

	interface StatusCount {

		ReturnStatus getStatus();

		long getCount();

	}
}
