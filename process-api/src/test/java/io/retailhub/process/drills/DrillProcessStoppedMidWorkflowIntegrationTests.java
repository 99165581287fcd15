package io.retailhub.process.drills;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.retailhub.process.e2e.DemoOrders;
import io.retailhub.process.e2e.HeldRequests;
import io.retailhub.process.e2e.HubSandbox;
import io.retailhub.process.e2e.ProcessApi;
import io.retailhub.process.e2e.ProcessApiInstances;
import io.retailhub.process.e2e.StepHistory;
import io.retailhub.process.workflows.ReturnWorkflow;
import io.retailhub.sandbox.backends.data.DemoOrder;
import io.retailhub.sandbox.backends.faults.Backend;
import io.retailhub.sandbox.backends.payment.PaymentLedger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drill: process-api crashes at four points of a return, each time while a step's call is at its
 * backend (the sandbox holds the call until the drill lets it go), and a fresh instance is started
 * on the same database and consumer group. The backend serves the call after the crash, so the hub
 * never hears the answer: the fresh instance takes the step over once the crashed one's lease runs
 * out, and must find what was done instead of doing it again. Every time the return closes with
 * one RMA, one case, one refund and one credit memo, and the workflow shows the crashed attempt
 * abandoned and the takeover starting after its lease ran out.
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

		/** The RMA exists in ERP; the case upsert (by the return's external ID) is at CRM. */
		OPENING_THE_CASE(ReturnWorkflow.OPEN_CASE, Backend.CRM, "PATCH",
				"/sobjects/Case/External_Id__c/return-" + Instances.DRILLS.numberPrefix()),

		/** The refund is at the payment provider. */
		SUBMITTING_THE_REFUND(ReturnWorkflow.SUBMIT_REFUND, Backend.PAYMENT, "POST", "/v1/refunds"),

		/** The money went back; the credit memo request is at ERP. */
		POSTING_THE_CREDIT_MEMO(ReturnWorkflow.POST_CREDIT_MEMO, Backend.ERP, "POST", "/A_CreditMemoRequest"),

		/** The credit memo is posted; the closing comment is at CRM, the case not closed yet. */
		CLOSING_THE_CASE(ReturnWorkflow.CLOSE_CASE, Backend.CRM, "POST", "/sobjects/CaseComment");

		final String step;

		final Backend backend;

		final String method;

		final String path;

		StopPoint(String step, Backend backend, String method, String path) {
			this.step = step;
			this.backend = backend;
			this.method = method;
			this.path = path;
		}

		/** From now on the backend holds the step's call until the drill lets it go. */
		HeldRequests.Hold holdTheCall() {
			return HubSandbox.held().holdRequests(backend, method, path);
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
		HeldRequests.Hold call;
		String id;
		if (stop == StopPoint.OPENING_THE_CASE) {
			call = stop.holdTheCall();
			id = AuthorizedReturn.request(api, order, 1);
		}
		else {
			AuthorizedReturn authorized = AuthorizedReturn.of(api, order, 1);
			id = authorized.id();
			call = stop.holdTheCall();
			Instances.receipts(crashing)
				.publish(order.orderNumber(), authorized.rmaNumber(), 1, authorized.allReceived());
		}

		// when process-api crashes while the step's call is held at the backend, which serves it after the crash
		call.awaitHeld(1);
		running = null;
		ProcessApiInstances.crash(crashing, call::releaseAndAwaitServed);

		// then the step is unfinished, its lease still the crashed instance's, its attempt started and never finished
		Map<String, Object> interrupted = step(id, stop.step);
		assertThat(interrupted.get("status")).isIn("PENDING", "PARKED");
		assertThat(interrupted.get("lease_owner")).isEqualTo(crashingId);
		assertThat(attempts(id, stop.step)).last().satisfies(attempt -> {
			assertThat(attempt.get("worker")).isEqualTo(crashingId);
			assertThat(attempt.get("finished_at")).isNull();
		});

		// when a fresh instance starts on the same database and consumer group
		ProcessApi recovered = Instances.api(startNext());
		if (stop == StopPoint.OPENING_THE_CASE) {
			AuthorizedReturn authorized = AuthorizedReturn.awaitCase(recovered, id, order, 1);
			Instances.receipts(running).publish(order.orderNumber(), authorized.rmaNumber(), 1, authorized.allReceived());
		}

		// then the return closes, the fresh instance having finished the interrupted step
		AuthorizedReturn.awaitStatus(recovered, id, "CLOSED");
		assertThat(step(id, stop.step)).containsEntry("status", "DONE");

		// and the workflow shows the crashed attempt abandoned and the takeover starting only after its lease ran out
		List<JsonNode> history = StepHistory.of(recovered.workflow(id), stop.step);
		JsonNode abandoned = StepHistory.lastBy(history, crashingId);
		JsonNode done = StepHistory.last(history);
		assertThat(abandoned.path("outcome").asString()).isEqualTo("ABANDONED");
		assertThat(done.path("outcome").asString()).isEqualTo("DONE");
		assertThat(done.path("worker").asString()).isEqualTo(runningId);
		assertThat(Instant.parse(done.path("startedAt").asString()))
			.isAfter(Instant.parse(abandoned.path("leaseUntil").asString()));

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

	/** The step's attempts as recorded, oldest first. */
	private static List<Map<String, Object>> attempts(String workflowId, String step) {
		return Instances.database()
			.sql("""
					SELECT a.worker, a.started_at, a.finished_at, a.outcome FROM workflow_attempt a
					JOIN workflow_step s ON s.id = a.step_id
					WHERE s.workflow_id = CAST(:id AS uuid) AND s.step = :step ORDER BY a.started_at, a.id""")
			.param("id", workflowId)
			.param("step", step)
			.query()
			.listOfRows();
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
