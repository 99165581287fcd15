package io.retailhub.process.returns;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import io.retailhub.contracts.Money;
import io.retailhub.contracts.Order;
import io.retailhub.contracts.Refund;
import io.retailhub.contracts.RefundStatus;
import io.retailhub.process.platform.outbox.Outbox;
import io.retailhub.process.platform.steps.StepExecution;
import io.retailhub.process.platform.steps.StepHandler;
import io.retailhub.process.platform.steps.StepResult;
import io.retailhub.process.platform.steps.WorkflowSteps;
import io.retailhub.process.refunds.RefundManagement;
import io.retailhub.process.refunds.StartRefund;
import io.retailhub.process.systemapi.SystemApiAmbiguous;
import io.retailhub.process.systemapi.SystemApiClient;
import io.retailhub.process.systemapi.SystemApiRejection;
import io.retailhub.process.systemapi.SystemApiUnavailable;
import io.retailhub.process.workflows.ReturnWorkflow;

/**
 * {@code return.inspect} (and {@code return.inspect-partial}, the same work after the grace period
 * of a partial receipt): dispositions per line and the refund. The order's payment and the
 * provider's refunds of the order are read first; under the order's lock the refund is capped so
 * that all returns of the order together never refund more than was captured, counting the
 * hub's refunds the provider does not show yet. A positive amount starts the refund; nothing to
 * refund goes straight to closing the case.
 */
class InspectReturnStep implements StepHandler {

	/** The system API's name for the payment provider, in its 503 problems. */
	private static final String PAYMENT = "payment";

	private final String step;

	private final ReturnCaseRepository returns;

	private final RefundManagement refunds;

	private final SystemApiClient systemApi;

	private final ReturnLocks locks;

	private final Outbox outbox;

	private final WorkflowSteps steps;

	private final Clock clock;

	InspectReturnStep(String step, ReturnCaseRepository returns, RefundManagement refunds, SystemApiClient systemApi,
			ReturnLocks locks, Outbox outbox, WorkflowSteps steps, Clock clock) {
		this.step = step;
		this.returns = returns;
		this.refunds = refunds;
		this.systemApi = systemApi;
		this.locks = locks;
		this.outbox = outbox;
		this.steps = steps;
		this.clock = clock;
	}

	@Override
	public String step() {
		return step;
	}

	@Override
	public StepResult execute(StepExecution execution) {
		Optional<ReturnCase> found = returns.findById(execution.workflowId()).filter(ReturnCase::awaitsInspection);
		if (found.isEmpty()) {
			return StepResult.done();
		}
		ReturnCase ret = found.get();
		try {
			Optional<Order> order = systemApi.findOrder(ret.orderId());
			if (order.isEmpty()) {
				return StepResult.fail("order " + ret.orderId() + " is gone from ERP");
			}
			List<Refund> atProvider = systemApi.findRefunds(ret.orderId());
			return StepResult.done(() -> inspect(ret.id(), Optional.of(new Paid(order.get(), atProvider))));
		}
		catch (SystemApiUnavailable ex) {
			if (PAYMENT.equals(ex.backend())) {
				// what was paid is unknown while payment is down; the refund waits for payment
				// anyway, and the provider refuses any amount above what is left of the payment
				return StepResult.done(() -> inspect(ret.id(), Optional.empty()));
			}
			return StepResult.park(ex.backend() + " unavailable: " + ex.getMessage());
		}
		catch (SystemApiAmbiguous ex) {
			return StepResult.retry(ex.getMessage());
		}
		catch (SystemApiRejection ex) {
			return StepResult.retry("system API refused a read: " + ex.detail());
		}
	}

	/** The order's payment and the provider's refunds of it, as read before inspecting. */
	private record Paid(Order order, List<Refund> atProvider) {
	}

	private void inspect(UUID id, Optional<Paid> paid) {
		ReturnCase ret = returns.findById(id).filter(ReturnCase::awaitsInspection).orElse(null);
		if (ret == null) {
			return;
		}
		locks.order(ret.orderId().value());
		Instant now = clock.instant();
		Money cap = paid.map(p -> refundableLeft(ret, p.order(), p.atProvider()))
			.orElseGet(() -> uncapped(ret));
		RefundAmounts.Result result = RefundAmounts.compute(ret.refundInputs(), ret.returnShippingFee(), cap);
		if (paid.isEmpty()) {
			steps.recordTimeline(id, "return.refund-not-capped", "Payment was unavailable at inspection: the refund"
					+ " is checked against what is left of the payment by the provider when it is submitted");
		}
		ret.inspect(result, now);
		outbox.append(ReturnEvents.inspected(ret, now));
		// the other way into inspection has nothing left to do (never cancel the running step itself)
		steps.cancel(id, step.equals(ReturnWorkflow.INSPECT) ? ReturnWorkflow.INSPECT_PARTIAL : ReturnWorkflow.INSPECT);
		steps.recordTimeline(id, "return.inspected", "Refund " + result.total() + " (lines " + result.linesTotal()
				+ ", return shipping fee " + ret.returnShippingFee() + (result.capped() ? ", capped at " + cap : "")
				+ ")");
		if (result.total().isPositive()) {
			ret.startRefunding(now);
			refunds.start(new StartRefund(id, ret.orderId(), ret.returnNumber(), ret.rmaNumber().orElse(null),
					result.total(), creditLines(result)));
		}
		else {
			steps.schedule(id, ReturnWorkflow.TYPE, ReturnWorkflow.CLOSE_CASE, now);
		}
	}

	/** A cap that takes nothing off: the sum of everything the return's lines could refund. */
	private static Money uncapped(ReturnCase ret) {
		return ret.refundInputs()
			.stream()
			.map(RefundAmounts.Input::refundableForRequested)
			.reduce(Money.zero(ret.currency()), Money::plus);
	}

	/**
	 * What is left to refund on the order: captured, less every refund the provider holds (pending,
	 * action-requiring or succeeded), less the hub's refunds the provider does not show yet.
	 */
	private Money refundableLeft(ReturnCase ret, Order order, List<Refund> atProvider) {
		Money zero = Money.zero(ret.currency());
		if (order.payment() == null || order.payment().captured() == null) {
			return zero;
		}
		Money held = zero;
		for (Refund refund : atProvider) {
			if (refund.status() != RefundStatus.FAILED && refund.status() != RefundStatus.CANCELED) {
				held = held.plus(refund.amount());
			}
		}
		Set<String> references = atProvider.stream()
			.map(Refund::reference)
			.filter(r -> r != null)
			.collect(Collectors.toSet());
		Money pending = refunds.notYetAtProvider(ret.orderId(), references, zero);
		return order.payment().captured().minus(held).minus(pending);
	}

	/**
	 * The credit memo's lines: accepted quantities with their amounts, the return shipping fee and
	 * any cap taken off the last lines first, so the memo adds up to the refund.
	 */
	static List<StartRefund.Line> creditLines(RefundAmounts.Result result) {
		Money deduction = result.linesTotal().minus(result.total());
		List<StartRefund.Line> lines = new ArrayList<>();
		List<RefundAmounts.LineAmount> accepted = result.lines().stream().filter(l -> l.accepted() > 0).toList();
		for (int i = accepted.size() - 1; i >= 0; i--) {
			RefundAmounts.LineAmount line = accepted.get(i);
			Money taken = line.amount().min(deduction);
			deduction = deduction.minus(taken);
			lines.add(0, new StartRefund.Line(line.lineNumber(), line.accepted(), line.amount().minus(taken)));
		}
		return lines;
	}
}
