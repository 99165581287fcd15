package io.retailhub.process.drills;

import java.time.Duration;

import io.retailhub.process.e2e.HubSandbox;
import io.retailhub.sandbox.backends.faults.Backend;
import io.retailhub.sandbox.backends.faults.RequestCounts;
import io.retailhub.sandbox.backends.payment.PaymentLedger;
import io.retailhub.sandbox.backends.payment.RefundBehavior;

import static org.awaitility.Awaitility.await;

/**
 * The sandbox payment provider slowed down for a refund drill: it takes a while to make each
 * refund, and the drill can wait until a refund request reaches it. Refunds are made at the usual
 * pace again after each returns test ({@code SandboxReset}).
 */
final class SlowPaymentProvider {

	private final long requestsBefore;

	private SlowPaymentProvider(long requestsBefore) {
		this.requestsBefore = requestsBefore;
	}

	/** From now on the provider takes {@code delay} to make a refund. */
	static SlowPaymentProvider makingRefundsIn(Duration delay) {
		HubSandbox.backendBean(PaymentLedger.class)
			.refundBehavior(RefundBehavior.DEFAULT.withProcessingDelay(delay.toMillis()));
		return new SlowPaymentProvider(requests());
	}

	/** Waits until a refund request (a POST) has reached the provider since it was slowed down. */
	void awaitRefundRequest() {
		await().atMost(AuthorizedReturn.PATIENCE).until(() -> requests() > requestsBefore);
	}

	private static long requests() {
		return HubSandbox.backendBean(RequestCounts.class).count(Backend.PAYMENT, "POST");
	}
}
