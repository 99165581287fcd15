package io.retailhub.process.drills;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.retailhub.process.e2e.DemoOrders;
import io.retailhub.process.e2e.HubSandbox;
import io.retailhub.process.e2e.ProcessApi;
import io.retailhub.process.e2e.ProcessApiInstances;
import io.retailhub.process.workflows.ReturnWorkflow;
import io.retailhub.sandbox.backends.data.DemoOrder;
import io.retailhub.sandbox.backends.faults.Backend;
import io.retailhub.sandbox.backends.faults.Fault;
import io.retailhub.sandbox.backends.faults.Faults;
import io.retailhub.sandbox.backends.faults.RequestCounts;
import io.retailhub.sandbox.backends.payment.PaymentLedger;
import io.retailhub.sandbox.backends.payment.RefundBehavior;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Drill: process-api crashes at four points of a return, each time while a step's call is at its
 * backend, and a fresh instance is started on the same database and consumer group. The backend
 * finishes the call after the crash, so the hub never hears the answer: the fresh instance takes
 * the step over once the crashed one's lease runs out, and must find what was done instead of
 * doing it again. Every time the return closes with one RMA, one case, one refund and one credit
 * memo.
 *
 * <p>The instance started to recover from one stop is the one the next stop crashes: four stops,
 * five starts.
 */
class DrillProcessStoppedMidWorkflowIntegrationTests {

	private static final AtomicInteger STARTS = new AtomicInteger();

	/** The instance running now, and its lease owner name. */
	private static ConfigurableApplicationContext running;

	private static String runningId;

	/** Where process-api dies: the step in flight, and the call of it that is at the backend then. */
	enum StopPoint {

		/** The RMA exists in ERP; the case upsert is at CRM. */
		OPENING_THE_CASE(ReturnWorkflow.OPEN_CASE, Backend.CRM, "PATCH"),

		/** The refund is at the payment provider, which has taken the idempotency key. */
		SUBMITTING_THE_REFUND(ReturnWorkflow.SUBMIT_REFUND, Backend.PAYMENT, "POST"),

		/** The money went back; the credit memo request is at ERP. */
		POSTING_THE_CREDIT_MEMO(ReturnWorkflow.POST_CREDIT_MEMO, Backend.ERP, "POST"),

		/** The credit memo is posted; the closing comment is at CRM, the case not closed yet. */
		CLOSING_THE_CASE(ReturnWorkflow.CLOSE_CASE, Backend.CRM, "POST");

		final String step;

		final Backend backend;

		final String method;

		StopPoint(String step, Backend backend, String method) {
			this.step = step;
			this.backend = backend;
			this.method = method;
		}

		/** Slows the step's backend down, so that the call is still there when process-api dies. */
		void holdTheCall() {
			switch (this) {
				case SUBMITTING_THE_REFUND -> HubSandbox.backendBean(PaymentLedger.class)
					.refundBehavior(RefundBehavior.DEFAULT.withProcessingDelay(1_000));
				case POSTING_THE_CREDIT_MEMO -> HubSandbox.backendBean(Faults.class).inject(Backend.ERP, latency(150));
				default -> HubSandbox.backendBean(Faults.class).inject(Backend.CRM, latency(300));
			}
		}

		/**
		 * Every request to the backend waits this long before it is served: a few ERP or CRM
		 * requests make one step, and together they stay well below the hub's read timeout.
		 */
		private static Fault latency(long millis) {
			return new Fault(millis, 0, null, false, null);
		}

		/** Calls of the step's kind the backend received so far. */
		long callsAtTheBackend() {
			return HubSandbox.backendBean(RequestCounts.class).count(backend, method);
		}
	}

	@AfterEach
	void heal() {
		HubSandbox.heal();
		HubSandbox.backendBean(PaymentLedger.class).resetRefundBehavior();
	}

	@AfterAll
	static void stopTheLastInstance() {
		if (running != null) {
			running.close();
			running = null;
		}
	}

	@ParameterizedTest(name = "crashed while {0}")
	@EnumSource(StopPoint.class)
	void closesTheReturnWithEveryEffectOnceAfterACrashWhileAStepIsAtItsBackend(StopPoint stop) {
		// given a running process-api, and a return on an order of its own that has got as far as the stop
		ConfigurableApplicationContext crashing = running();
		String crashingId = runningId;
		ProcessApi api = Instances.api(crashing);
		DemoOrder order = DemoOrders.freshDelivered();
		int refundsBefore = HubSandbox.refundsAtPayment(order.paymentIntentId());
		long callsBefore;
		String id;
		if (stop == StopPoint.OPENING_THE_CASE) {
			stop.holdTheCall();
			callsBefore = stop.callsAtTheBackend();
			id = AuthorizedReturn.request(api, order, 1);
		}
		else {
			AuthorizedReturn authorized = AuthorizedReturn.of(api, order, 1);
			id = authorized.id();
			stop.holdTheCall();
			callsBefore = stop.callsAtTheBackend();
			Instances.receipts(crashing)
				.publish(order.orderNumber(), authorized.rmaNumber(), 1, authorized.allReceived());
		}

		// when process-api crashes while the step's call is at the backend
		await().atMost(AuthorizedReturn.PATIENCE).until(() -> stop.callsAtTheBackend() > callsBefore);
		running = null;
		ProcessApiInstances.crash(crashing);

		// then the step is unfinished, its lease still the crashed instance's
		Map<String, Object> interrupted = step(id, stop.step);
		assertThat(interrupted.get("status")).isIn("PENDING", "PARKED");
		assertThat(interrupted.get("lease_owner")).isEqualTo(crashingId);

		// when the backend is well again and a fresh instance starts on the same database and consumer group
		heal();
		ProcessApi recovered = Instances.api(startNext());
		if (stop == StopPoint.OPENING_THE_CASE) {
			AuthorizedReturn authorized = AuthorizedReturn.awaitCase(recovered, id, order, 1);
			Instances.receipts(running).publish(order.orderNumber(), authorized.rmaNumber(), 1, authorized.allReceived());
		}

		// then the return closes, the fresh instance having finished the interrupted step
		AuthorizedReturn.awaitStatus(recovered, id, "CLOSED");
		assertThat(step(id, stop.step)).containsEntry("status", "DONE");

		// and every backend holds each of the return's effects exactly once
		ReturnEffects.of(recovered, id, order.paymentIntentId()).assertExactlyOnce(refundsBefore);
	}

	private static ConfigurableApplicationContext running() {
		return running != null ? running : startNext();
	}

	private static ConfigurableApplicationContext startNext() {
		runningId = "drill-restart-" + STARTS.incrementAndGet();
		running = Instances.start(runningId);
		return running;
	}

	private static Map<String, Object> step(String workflowId, String step) {
		return Instances.database()
			.sql("SELECT status, lease_owner FROM workflow_step WHERE workflow_id = CAST(:id AS uuid) AND step = :step")
			.param("id", workflowId)
			.param("step", step)
			.query()
			.singleRow();
	}
}
