package io.retailhub.process.returns;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import io.retailhub.contracts.CustomerId;
import io.retailhub.contracts.Money;
import io.retailhub.contracts.OrderId;
import io.retailhub.contracts.ReturnDeclineReason;
import io.retailhub.contracts.ReturnReason;
import io.retailhub.contracts.Sku;
import io.retailhub.contracts.events.ReturnChannel;
import io.retailhub.process.e2e.ReturnsIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A return is loaded with its lines and declines joined in one statement, by ID and by every query:
 * each line and each decline comes back once, in its position, however many of both there are.
 */
@ReturnsIntegrationTest
class ReturnCaseLoadingIntegrationTests {

	@Autowired
	ReturnCaseRepository returns;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Test
	void loadsEveryLineAndDeclineOnceInOrderWhicheverWayTheReturnIsFound() {
		// given a return of four lines, three of them declined, stored
		TransactionTemplate tx = new TransactionTemplate(transactionManager);
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		String order = "LOAD-" + suffix;
		String customer = "C-" + suffix;
		String key = "loading-" + suffix;
		Money zero = Money.zero(java.util.Currency.getInstance("USD"));
		UUID id = tx.execute(status -> {
			ReturnCase ret = ReturnCase.request("RH-L" + suffix, key, "digest", OrderId.of(order),
					CustomerId.of(customer), ReturnChannel.PORTAL,
					List.of(new RequestedLine("40", 1, ReturnReason.UNWANTED),
							new RequestedLine("10", 2, ReturnReason.DEFECTIVE),
							new RequestedLine("30", 1, ReturnReason.UNWANTED),
							new RequestedLine("20", 3, ReturnReason.SIZE_TOO_SMALL)),
					Instant.now());
			ret.judge(List.of(LineVerdict.declined("40", Sku.of("SKU-40"), ReturnDeclineReason.FINAL_SALE, null),
					new LineVerdict("10", Sku.of("SKU-10"), true, null, null, Money.of("10.00", "USD"), zero, zero),
					LineVerdict.declined("30", Sku.of("SKU-30"), ReturnDeclineReason.RETURN_PERIOD_ENDED, null),
					LineVerdict.declined("20", Sku.of("SKU-20"), ReturnDeclineReason.QUANTITY_EXCEEDED, null)),
					zero, Instant.now());
			return returns.saveAndFlush(ret).id();
		});

		// when it is loaded by ID, by request key, by order and by customer, each in a fresh session
		List<Function<ReturnCaseRepository, ReturnCase>> finders = List.of(r -> r.findById(id).orElseThrow(),
				r -> r.findByRequestKey(key).orElseThrow(),
				r -> r.findByOrderIdOrderByRequestedAtDesc(order).get(0),
				r -> r.findByCustomerIdOrderByRequestedAtDesc(customer).get(0));

		// then every load has the four lines and the three declines, each once and in order
		for (Function<ReturnCaseRepository, ReturnCase> finder : finders) {
			ReturnCase loaded = tx.execute(status -> finder.apply(returns));
			assertThat(loaded.lines()).extracting(ReturnLine::lineNumber).containsExactly("40", "10", "30", "20");
			assertThat(loaded.lines()).extracting(ReturnLine::quantity).containsExactly(1, 2, 1, 3);
			assertThat(loaded.declines()).extracting(ReturnDecline::lineNumber).containsExactly("40", "30", "20");
			assertThat(loaded.declines()).extracting(ReturnDecline::code)
				.containsExactly("FINAL_SALE", "RETURN_PERIOD_ENDED", "QUANTITY_EXCEEDED");
			assertThat(loaded.status()).isEqualTo(ReturnStatus.DECLINED);
		}
		assertThat(returns.findByOrderIdOrderByRequestedAtDesc(order)).hasSize(1);
	}

	@Test
	void storesANewReturnOnceAndKeepsChangingTheSameInstance() {
		// given a new return
		TransactionTemplate tx = new TransactionTemplate(transactionManager);
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		ReturnCase ret = ReturnCase.request("RH-N" + suffix, "new-" + suffix, "digest", OrderId.of("NEW-" + suffix),
				CustomerId.of("C-" + suffix), ReturnChannel.PORTAL,
				List.of(new RequestedLine("10", 1, ReturnReason.UNWANTED)), Instant.now());
		assertThat(ret.isNew()).isTrue();

		// when it is saved and changed in the same transaction
		tx.executeWithoutResult(status -> {
			ReturnCase saved = returns.saveAndFlush(ret);
			// then the repository persisted that very instance (no merged copy) ...
			assertThat(saved).isSameAs(ret);
			assertThat(ret.isNew()).isFalse();
			ret.markAnnounced();
		});

		// ... so the later change is stored too, and a loaded return is never new
		ReturnCase loaded = returns.findById(ret.id()).orElseThrow();
		assertThat(loaded.announced()).isTrue();
		assertThat(loaded.isNew()).isFalse();
	}
}
