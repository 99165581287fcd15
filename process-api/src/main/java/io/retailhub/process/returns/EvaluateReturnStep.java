package io.retailhub.process.returns;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.retailhub.contracts.Money;
import io.retailhub.contracts.Order;
import io.retailhub.contracts.ReturnAuthorization;
import io.retailhub.contracts.ReturnPolicyEvaluation;
import io.retailhub.contracts.commands.EvaluateReturnPolicy;
import io.retailhub.contracts.commands.ReturnLineRequest;
import io.retailhub.process.platform.outbox.Outbox;
import io.retailhub.process.platform.steps.StepExecution;
import io.retailhub.process.platform.steps.StepHandler;
import io.retailhub.process.platform.steps.StepResult;
import io.retailhub.process.platform.steps.WorkflowSteps;
import io.retailhub.process.systemapi.SystemApiAmbiguous;
import io.retailhub.process.systemapi.SystemApiClient;
import io.retailhub.process.systemapi.SystemApiRejection;
import io.retailhub.process.systemapi.SystemApiUnavailable;
import io.retailhub.process.workflows.ReturnWorkflow;

import org.springframework.stereotype.Component;

/**
 * {@code return.evaluate}: is the return eligible? Reads the order, the policy's verdict and
 * ERP's customer returns of the order (outside any transaction), then decides under the order's
 * lock, counting the hub's own eligible returns that ERP does not know yet. Only reads: safe to
 * repeat.
 */
@Component
class EvaluateReturnStep implements StepHandler {

	private final ReturnCaseRepository returns;

	private final SystemApiClient systemApi;

	private final ReturnLocks locks;

	private final Outbox outbox;

	private final WorkflowSteps steps;

	private final Clock clock;

	EvaluateReturnStep(ReturnCaseRepository returns, SystemApiClient systemApi, ReturnLocks locks, Outbox outbox,
			WorkflowSteps steps, Clock clock) {
		this.returns = returns;
		this.systemApi = systemApi;
		this.locks = locks;
		this.outbox = outbox;
		this.steps = steps;
		this.clock = clock;
	}

	@Override
	public String step() {
		return ReturnWorkflow.EVALUATE;
	}

	@Override
	public StepResult execute(StepExecution step) {
		Optional<ReturnCase> found = returns.findById(step.workflowId()).filter(ReturnCase::awaitsEvaluation);
		if (found.isEmpty()) {
			return StepResult.done();
		}
		ReturnCase ret = found.get();
		try {
			// deliveries decide eligibility; the payment provider's state does not, so it may be down
			Optional<Order> order = systemApi.findOrder(ret.orderId(), "shipments");
			if (order.isEmpty()) {
				return StepResult.done(() -> reload(ret.id()).ifPresent(r -> {
					r.declineUnknownOrder(clock.instant());
					steps.recordTimeline(r.id(), "return.declined", "Order " + r.orderId() + " does not exist");
				}));
			}
			ReturnPolicyEvaluation policy = systemApi.evaluateReturnPolicy(new EvaluateReturnPolicy(ret.orderId(),
					ret.lines()
						.stream()
						.map(l -> new ReturnLineRequest(l.lineNumber(), l.quantity(), l.reason()))
						.toList()));
			List<ReturnAuthorization> rmas = systemApi.findReturnAuthorizations(ret.orderId());
			return StepResult.done(() -> judge(ret.id(), order.get(), policy, rmas));
		}
		catch (SystemApiUnavailable ex) {
			return StepResult.park(ex.backend() + " unavailable: " + ex.getMessage());
		}
		catch (SystemApiAmbiguous ex) {
			return StepResult.retry(ex.getMessage());
		}
		catch (SystemApiRejection ex) {
			String reason = "The return policy could not be evaluated: " + ex.detail();
			return StepResult.fail(reason, () -> reload(ret.id()).ifPresent(r -> {
				r.requireAction(reason, clock.instant());
				steps.recordTimeline(r.id(), "return.requires-action", reason);
			}));
		}
	}

	private void judge(UUID id, Order order, ReturnPolicyEvaluation policy, List<ReturnAuthorization> rmas) {
		// under the lock, what other returns of the order decided meanwhile counts
		locks.order(order.id().value());
		ReturnCase ret = reload(id).orElse(null);
		if (ret == null) {
			return;
		}
		Instant now = clock.instant();
		boolean linesKnown = ret.identify(order.customerId(), ReturnManagement.skus(order));
		if (!ret.announced() && linesKnown) {
			ret.markAnnounced();
			outbox.append(ReturnEvents.requested(ret, now));
		}
		List<ReturnEligibility.OpenReturn> others = returns.findByOrderIdOrderByRequestedAtDesc(ret.orderId().value())
			.stream()
			.filter(other -> !other.id().equals(id))
			.filter(other -> other.evaluated() && other.eligible())
			.filter(other -> other.status() != ReturnStatus.CANCELED && other.status() != ReturnStatus.DECLINED)
			.map(other -> new ReturnEligibility.OpenReturn(other.returnNumber(), other.quantities()))
			.toList();
		List<LineVerdict> verdicts = ReturnEligibility.judge(ret.lines()
			.stream()
			.map(l -> new RequestedLine(l.lineNumber(), l.quantity(), l.reason()))
			.toList(), order, policy, rmas, others);
		Money fee = policy.returnShippingFee() != null ? policy.returnShippingFee()
				: Money.zero(order.total().currency());
		if (ret.judge(verdicts, fee, now)) {
			steps.schedule(id, ReturnWorkflow.TYPE, ReturnWorkflow.CREATE_RMA, now);
			steps.recordTimeline(id, "return.eligible",
					"Eligible; estimated refund " + ret.estimatedRefund() + " (return shipping fee " + fee + ")");
		}
		else {
			if (ret.announced()) {
				outbox.append(ReturnEvents.declined(ret, now));
			}
			steps.recordTimeline(id, "return.declined", ret.declines()
				.stream()
				.map(d -> (d.lineNumber() == null ? "" : "line " + d.lineNumber() + ": ") + d.message())
				.reduce((a, b) -> a + "; " + b)
				.orElse("declined"));
		}
	}

	private Optional<ReturnCase> reload(UUID id) {
		return returns.findById(id).filter(ReturnCase::awaitsEvaluation);
	}
}
