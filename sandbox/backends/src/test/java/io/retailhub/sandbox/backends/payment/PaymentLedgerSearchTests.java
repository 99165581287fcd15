package io.retailhub.sandbox.backends.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import io.retailhub.sandbox.backends.data.DemoData;
import io.retailhub.sandbox.backends.data.DemoOrder;
import io.retailhub.sandbox.backends.state.SandboxState;

import org.junit.jupiter.api.Test;

/** Searches narrowed by the metadata index find what testing every intent of the account finds. */
class PaymentLedgerSearchTests {

	static final DemoData DATA = DemoData.generate(DemoData.DEFAULT_SEED, Instant.parse("2026-11-27T00:00:00Z"), 60,
			400);

	final PaymentLedger ledger = new PaymentLedger(DATA, Clock.systemUTC(), SandboxState.inMemory());

	@Test
	void answersSearchesAsTestingEveryIntentDoes() {
		DemoOrder captured = DATA.order(DemoData.Showcase.DELIVERED_ORDER);
		DemoOrder open = DATA.order(DemoData.Showcase.OPEN_ORDER);
		String customer = DATA.customer(captured.customerNumber()).paymentCustomerId();
		String order = "metadata['order_id']:'" + captured.orderNumber() + "'";

		assertSameAsScan(order, 1);
		assertSameAsScan(order + " AND status:'succeeded'", 1);
		assertSameAsScan(order + " AND status:'requires_capture'", 0);
		assertSameAsScan(order + " AND customer:'" + customer + "'", 1);
		assertSameAsScan("status:'succeeded' AND " + order + " AND currency:'usd'", 1);
		assertSameAsScan("metadata['order_id']:'" + open.orderNumber() + "' AND status:'requires_capture'", 1);
		assertSameAsScan(order + " AND metadata['order_id']:'" + open.orderNumber() + "'", 0);
		assertSameAsScan("metadata['order_id']:'WEB-999999'", 0);
		assertSameAsScan("metadata['reference']:'" + captured.orderNumber() + "'", 0);
		assertSameAsScan("customer:'" + customer + "'",
				(int) DATA.orders().stream().filter(o -> o.customerNumber().equals(captured.customerNumber())).count());
	}

	private void assertSameAsScan(String query, int expected) {
		SearchQuery.Search search = SearchQuery.parse(query);
		List<PaymentIntent> scanned = DATA.orders()
			.stream()
			.map(o -> ledger.intent(o.paymentIntentId()).orElseThrow())
			.filter(search)
			.sorted(Comparator.comparingLong(PaymentIntent::created).thenComparing(PaymentIntent::id).reversed())
			.toList();

		assertThat(ledger.intents(search)).as(query).isEqualTo(scanned).hasSize(expected);
	}
}
