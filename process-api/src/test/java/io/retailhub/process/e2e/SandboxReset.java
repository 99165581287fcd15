package io.retailhub.process.e2e;

import io.retailhub.sandbox.backends.payment.PaymentLedger;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * After each {@link ReturnsIntegrationTest} (and after its own {@code @AfterEach} methods): the
 * sandbox backends answer again, without injected faults, and the payment provider makes refunds
 * as usual. A test that breaks a backend or slows down refunds need not undo it itself.
 */
class SandboxReset implements AfterEachCallback {

	@Override
	public void afterEach(ExtensionContext context) {
		HubSandbox.heal();
		HubSandbox.backendBean(PaymentLedger.class).resetRefundBehavior();
	}
}
