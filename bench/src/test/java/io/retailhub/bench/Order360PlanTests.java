package io.retailhub.bench;

import java.util.Map;

import io.retailhub.bench.Order360Plan.Call;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class Order360PlanTests {

	/** Backend requests per call in the shape the system API has: an order read, then more. */
	private final Order360Plan plan = new Order360Plan(Map.of(Call.ORDER, Map.of("erp", 1.0),
			Call.ORDER_SHIPMENTS, Map.of("erp", 1.0, "warehouse", 1.0), Call.ORDER_PAYMENT,
			Map.of("erp", 1.0, "payment", 2.0), Call.REFUNDS, Map.of("payment", 2.0), Call.CASES,
			Map.of("crm", 1.0), Call.CUSTOMER, Map.of("crm", 1.0), Call.EVALUATION,
			Map.of("erp", 2.0, "commerce", 2.0, "warehouse", 1.0)));

	@Test
	void theSumCountsEveryCallOnceTheSharedOrderReadIncluded() {
		assertThat(this.plan.sum()).isEqualTo(1 + 2 + 3 + 2 + 1 + 1 + 5);
	}

	@Test
	void theCriticalPathIsTheRouteWithTheMostRequestsInARow() {
		Order360Plan.Path path = this.plan.criticalPath();

		assertThat(path.route().panel()).isEqualTo("eligibility");
		assertThat(path.route().calls()).containsExactly(Call.ORDER, Call.EVALUATION);
		assertThat(path.hops()).isEqualTo(6);
	}

	@Test
	void aBackendsCriticalPathCountsOnlyItsOwnRequests() {
		assertThat(this.plan.criticalPath("erp").hops()).isEqualTo(3);
		assertThat(this.plan.criticalPath("payment").route().panel()).isEqualTo("payment");
		assertThat(this.plan.criticalPath("payment").hops()).isEqualTo(4);
		assertThat(this.plan.criticalPath("crm").hops()).isEqualTo(1);
	}

	@Test
	void aCallWithoutBackendRequestsAddsNothing() {
		assertThat(this.plan.requests(Call.RETURNS)).isEmpty();
		assertThat(this.plan.criticalPath("process").hops()).isZero();
	}

}
