package io.retailhub.contracts.events;

import static io.retailhub.contracts.events.EventFixtures.MUG;
import static io.retailhub.contracts.events.EventFixtures.ORDER;
import static io.retailhub.contracts.events.EventFixtures.REFUND;
import static io.retailhub.contracts.events.EventFixtures.RETURN;
import static io.retailhub.contracts.events.EventFixtures.RMA;
import static io.retailhub.contracts.events.EventFixtures.SHIRT;
import static io.retailhub.contracts.events.EventFixtures.usd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.retailhub.contracts.ReturnDeclineReason;

/** Payloads refuse to exist in states no producer may publish. */
class PayloadInvariantTests {

	private static final Instant NOW = Instant.parse("2026-03-18T14:02:13Z");

	@Test
	void damagedAndRejectedUnitsAreAmongTheReceivedOnes() {
		assertThat(new ReturnReceived.Line("10", SHIRT, 2, 2, 1, 1).quantityReceived()).isEqualTo(2);
		assertThatIllegalArgumentException().isThrownBy(() -> new ReturnReceived.Line("10", SHIRT, 2, 1, 1, 1))
			.withMessageContaining("exceed");
		assertThatIllegalArgumentException().isThrownBy(() -> new ReturnReceived.Line("10", SHIRT, 2, -1, 0, 0));
	}

	@Test
	void refusedUnitsAreNeverAcceptedNorAcceptedBeyondTheirQuantity() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ReturnInspected.Line("20", MUG, Disposition.REFUSE, 1, 1, usd("0.00")));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ReturnInspected.Line("10", SHIRT, Disposition.RESTOCK, 1, 2, usd("27.49")));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ReturnInspected.Line("10", SHIRT, Disposition.RESTOCK, 1, 1, usd("-1.00")));
	}

	@Test
	void aRefundRequestIsForAPositiveAmount() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new RefundRequested(REFUND, RETURN, ORDER, usd("0.00"), NOW))
			.withMessageContaining("amount");
	}

	@Test
	void linesAreRequiredAndCopied() {
		List<ReturnInspected.Line> lines = new ArrayList<>(
				List.of(new ReturnInspected.Line("10", SHIRT, Disposition.RESTOCK, 1, 1, usd("27.49"))));
		ReturnInspected inspected = new ReturnInspected(RETURN, ORDER, RMA, lines, usd("2.50"), usd("24.99"), NOW);
		lines.clear();

		assertThat(inspected.lines()).hasSize(1);
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ReturnInspected(RETURN, ORDER, RMA, List.of(), usd("0.00"), usd("0.00"), NOW))
			.withMessageContaining("lines");
	}

	@Test
	void declineReasonsCarryTheCustomerMessage() {
		ReturnDeclined.Reason reason = ReturnDeclined.Reason.of("20", ReturnDeclineReason.FINAL_SALE);

		assertThat(reason.message()).isEqualTo(ReturnDeclineReason.FINAL_SALE.customerMessage());
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ReturnDeclined.Reason("20", ReturnDeclineReason.FINAL_SALE, " "));
	}

	@Test
	void hubIdentifiersAreUuids() {
		assertThat(ReturnId.of(" 3f2b8c6e-7d1a-4e5b-9c0d-2a4f6e8b1c3d ")).isEqualTo(RETURN);
		assertThatIllegalArgumentException().isThrownBy(() -> ReturnId.of("RET-1"));
		assertThatIllegalArgumentException().isThrownBy(() -> HubRefundId.of(""));
		assertThat(HubRefundId.of(REFUND.value())).isEqualTo(REFUND).isNotEqualTo(RETURN);
	}
}
