package io.retailhub.process.refunds;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.retailhub.contracts.CreditMemoId;
import io.retailhub.contracts.Money;
import io.retailhub.contracts.OrderId;
import io.retailhub.contracts.RefundId;
import io.retailhub.contracts.ReturnAuthorizationId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class RefundTests {

	private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

	private static Refund intended() {
		return Refund.intend(UUID.randomUUID(), OrderId.of("WEB-1"), "RH-00000001", ReturnAuthorizationId.of("6001"),
				Money.of("34.05", "USD"), List.of(new RefundLine("10", 1, Money.of("34.05", "USD").amount())), NOW);
	}

	@Test
	void storesItsIdempotencyKeyFromTheStart() {
		Refund refund = intended();

		assertThat(refund.status()).isEqualTo(RefundStatus.INTENT_CREATED);
		assertThat(refund.idempotencyKey()).isEqualTo("refund-" + refund.id());
		assertThat(refund.reference()).isEqualTo(refund.id().toString());
	}

	@Test
	void refusesNothingToRefund() {
		assertThatIllegalArgumentException().isThrownBy(() -> Refund.intend(UUID.randomUUID(), OrderId.of("WEB-1"),
				"RH-1", null, Money.of("0", "USD"), List.of(), NOW));
	}

	@Test
	void goesFromIntentThroughCreditMemoToCompleted() {
		Refund refund = intended();

		refund.submitting(NOW);
		refund.succeeded(RefundId.of("re_1"), NOW);
		refund.creditMemoPosted(CreditMemoId.of("90000001"), NOW);
		refund.complete(NOW);

		assertThat(refund.status()).isEqualTo(RefundStatus.COMPLETED);
		assertThat(refund.submissions()).isEqualTo(1);
		assertThat(refund.providerRefundId()).contains(RefundId.of("re_1"));
	}

	@Test
	void isQueuedWhileTheProviderIsDownAndSubmittedAgainAfter() {
		Refund refund = intended();
		refund.submitting(NOW);

		refund.queue("payment unavailable", NOW);
		assertThat(refund.status()).isEqualTo(RefundStatus.QUEUED);

		refund.submitting(NOW);
		assertThat(refund.status()).isEqualTo(RefundStatus.SUBMITTED);
		assertThat(refund.submissions()).isEqualTo(2);
	}

	@Test
	void isUnknownAfterALostAnswerUntilTheProviderIsAsked() {
		Refund refund = intended();
		refund.submitting(NOW);

		refund.markUnknown("read timeout", NOW);
		refund.succeeded(RefundId.of("re_found"), NOW);

		assertThat(refund.status()).isEqualTo(RefundStatus.SUCCEEDED);
		assertThat(refund.failureReason()).isNull();
	}

	@Test
	void needsAPersonWhenItCannotBeMade() {
		Refund refund = intended();
		refund.submitting(NOW);

		refund.requireManualRefund("amount_too_large", NOW);

		assertThat(refund.status()).isEqualTo(RefundStatus.MANUAL_REFUND_REQUIRED);
		assertThat(refund.failureReason()).isEqualTo("amount_too_large");
	}

	@Test
	void postsNoCreditMemoBeforeTheMoneyWentBack() {
		Refund refund = intended();

		assertThatIllegalStateException().isThrownBy(() -> refund.creditMemoPosted(CreditMemoId.of("9"), NOW));
	}

	@Test
	void cannotBeFailedOnceTheProviderHasIt() {
		Refund refund = intended();
		refund.submitting(NOW);
		refund.succeeded(RefundId.of("re_1"), NOW);

		assertThatIllegalStateException().isThrownBy(() -> refund.requireManualRefund("late", NOW));
	}
}
