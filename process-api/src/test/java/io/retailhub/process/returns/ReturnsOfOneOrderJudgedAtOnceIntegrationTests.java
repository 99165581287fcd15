package io.retailhub.process.returns;

import java.util.List;

import javax.sql.DataSource;

import io.retailhub.process.e2e.DemoOrders;
import io.retailhub.process.e2e.ProcessApi;
import io.retailhub.process.e2e.ReturnsIntegrationTest;
import io.retailhub.process.e2e.ReturnsOfOneOrder;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

/**
 * Over-returning under contention on one instance: returns of one order judged at the same moment
 * (all of them in flight together, see {@link ReturnsOfOneOrder}) never take back more than was
 * delivered, because the order's lock makes them decide one after another.
 */
@ReturnsIntegrationTest
class ReturnsOfOneOrderJudgedAtOnceIntegrationTests {

	@Autowired
	ProcessApi api;

	@Autowired
	DataSource database;

	@Test
	void returnsOfOneOrderJudgedAtTheSameMomentNeverTakeBackMoreThanWasDelivered() {
		// given a delivered order, and four returns of its largest line that together ask for more than it has

		// when they are judged at the same moment on this instance
		ReturnsOfOneOrder.Judged judged = ReturnsOfOneOrder.judgedAtOnce(DemoOrders.freshReturnable(), List.of(api), 4,
				database);

		// then no more units are taken back than were delivered, and the others are declined for the quantity
		judged.assertNeverMoreThanDelivered();
	}
}
