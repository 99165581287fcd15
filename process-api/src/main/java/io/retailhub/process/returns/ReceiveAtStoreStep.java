package io.retailhub.process.returns;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import io.retailhub.contracts.ReturnReceipt;
import io.retailhub.contracts.commands.RecordReturnReceipt;
import io.retailhub.contracts.events.Disposition;
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
 * {@code return.receive-at-store}: the customer handed the parcel over at a store, so once ERP holds
 * the RMA it is booked at once at the store's location in the warehouse system, like every receipt:
 * the store's stock gains what the staff restocked, and the warehouse's signed webhook brings the
 * receipt to the hub's one receipt path (inbox, per-RMA sequence), which applies it exactly once.
 * The counts are the staff's: every requested unit received, all of a line damaged when they said
 * {@code DAMAGED}, all rejected when they said {@code REFUSE}. The system API answers a repeat with
 * the receipt booked before, so a lost answer is simply asked again.
 */
@Component
class ReceiveAtStoreStep implements StepHandler {

	private final ReturnCaseRepository returns;

	private final SystemApiClient systemApi;

	private final WorkflowSteps steps;

	private final Clock clock;

	ReceiveAtStoreStep(ReturnCaseRepository returns, SystemApiClient systemApi, WorkflowSteps steps, Clock clock) {
		this.returns = returns;
		this.systemApi = systemApi;
		this.steps = steps;
		this.clock = clock;
	}

	@Override
	public String step() {
		return ReturnWorkflow.RECEIVE_AT_STORE;
	}

	@Override
	public StepResult execute(StepExecution step) {
		Optional<ReturnCase> found = returns.findById(step.workflowId())
			.filter(r -> r.atStore() && r.status() == ReturnStatus.AUTHORIZED && !r.receivedAnything());
		if (found.isEmpty()) {
			// canceled meanwhile, or the receipt is in already
			return StepResult.done();
		}
		ReturnCase ret = found.get();
		String store = ret.storeId().orElseThrow();
		try {
			ReturnReceipt receipt = systemApi.recordStoreReceipt(receiptOf(ret));
			return StepResult.done(() -> steps.recordTimeline(ret.id(), "return.booked-at-store",
					"Parcel booked at " + store + " as receipt " + receipt.receiptId()
							+ "; the warehouse's webhook brings it in"));
		}
		catch (SystemApiUnavailable ex) {
			return StepResult.park(ex.backend() + " unavailable: " + ex.getMessage());
		}
		catch (SystemApiAmbiguous ex) {
			return StepResult.retry(ex.getMessage());
		}
		catch (SystemApiRejection ex) {
			String reason = "The warehouse refused the parcel of return " + ret.returnNumber() + " at " + store + ": "
					+ ex.detail();
			return StepResult.fail(reason, () -> returns.findById(ret.id()).ifPresent(r -> {
				r.requireAction(reason, clock.instant());
				steps.recordTimeline(r.id(), "return.requires-action", reason);
			}));
		}
	}

	/** Every requested unit, counted as the staff decided per line. */
	static RecordReturnReceipt receiptOf(ReturnCase ret) {
		List<RecordReturnReceipt.Line> lines = ret.lines().stream().map(l -> {
			Disposition disposition = l.atStore().orElseThrow().disposition();
			int units = l.quantity();
			return new RecordReturnReceipt.Line(l.lineNumber(), units, disposition == Disposition.DAMAGED ? units : 0,
					disposition == Disposition.REFUSE ? units : 0);
		}).toList();
		return new RecordReturnReceipt(ret.rmaNumber().orElseThrow().value(), ret.storeId().orElseThrow(), lines);
	}
}
