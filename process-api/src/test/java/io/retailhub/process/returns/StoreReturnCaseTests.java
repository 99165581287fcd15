package io.retailhub.process.returns;

import java.util.List;
import java.util.Map;

import io.retailhub.contracts.ActingUser;
import io.retailhub.contracts.ReturnAuthorizationId;
import io.retailhub.contracts.ReturnReason;
import io.retailhub.contracts.events.Disposition;
import io.retailhub.contracts.events.ReturnChannel;
import org.junit.jupiter.api.Test;

import static io.retailhub.process.returns.ReturnFixtures.CUSTOMER;
import static io.retailhub.process.returns.ReturnFixtures.NOW;
import static io.retailhub.process.returns.ReturnFixtures.ORDER;
import static io.retailhub.process.returns.ReturnFixtures.deliveredOrder;
import static io.retailhub.process.returns.ReturnFixtures.eligible;
import static io.retailhub.process.returns.ReturnFixtures.usd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** An in-store return: the staff's inspection per line, the store, who took it; no shipping fee. */
class StoreReturnCaseTests {

	private static final ActingUser STAFF = ActingUser.of("store:store.nyc@STORE-NYC");

	@Test
	void takesTheStaffsDispositionAndChargesNoReturnShippingFee() {
		// given two units of line 10 handed over at a store, judged eligible with a 5.95 fee
		RequestedLine damaged = storeLine(2, Disposition.DAMAGED);
		ReturnCase ret = atStore(damaged);
		ret.judge(ReturnEligibility.judge(List.of(damaged), deliveredOrder(), eligible(Map.of("10", 2)), List.of(),
				List.of()), usd("5.95"), NOW);
		ret.authorize(ReturnAuthorizationId.of("6001"), NOW.plusSeconds(3600), NOW);

		// when the receipt booked from the staff's decision comes in and the return is inspected
		ret.recordReceipt(Map.of("10", new ReturnCase.ReceiptCount(2, 2, 2, 0)), NOW);
		RefundAmounts.Result result = RefundAmounts.compute(ret.refundInputs(), ret.returnShippingFee(), usd("1000"));
		ret.inspect(result, NOW);

		// then the staff's disposition, both units accepted, and the whole line refunded
		assertThat(ret.returnShippingFee().amount()).isEqualByComparingTo("0");
		assertThat(ret.lines().get(0).disposition()).isEqualTo(Disposition.DAMAGED);
		assertThat(ret.lines().get(0).acceptedQuantity()).isEqualTo(2);
		assertThat(ret.refundAmount()).isEqualTo(usd("80.00"));
		assertThat(ret.storeId()).contains("STORE-NYC");
		assertThat(ret.requestedBy()).contains(STAFF);
	}

	@Test
	void refusesTheStaffsInspectionOutsideAStoreReturn() {
		assertThatIllegalArgumentException().isThrownBy(() -> ReturnCase.request("RH-1", "key", "digest", ORDER,
				CUSTOMER, ReturnChannel.PORTAL, List.of(storeLine(1, Disposition.RESTOCK)), null, NOW));
		ReturnCase portal = ReturnCase.request("RH-2", "key-2", "digest", ORDER, CUSTOMER, ReturnChannel.STORE,
				List.of(new RequestedLine("10", 1, ReturnReason.UNWANTED)), null, NOW);
		assertThatIllegalStateException().isThrownBy(() -> portal.takenAtStore("STORE-NYC"));
	}

	private static ReturnCase atStore(RequestedLine... lines) {
		ReturnCase ret = ReturnCase.request("RH-00000001", "key", "digest", ORDER, CUSTOMER, ReturnChannel.STORE,
				List.of(lines), STAFF, NOW);
		ret.takenAtStore("STORE-NYC");
		ret.identify(CUSTOMER, ReturnManagement.skus(deliveredOrder()));
		return ret;
	}

	private static RequestedLine storeLine(int quantity, Disposition disposition) {
		return new RequestedLine("10", quantity, ReturnReason.DEFECTIVE,
				new StoreInspection(ItemCondition.DEFECTIVE, disposition));
	}
}
