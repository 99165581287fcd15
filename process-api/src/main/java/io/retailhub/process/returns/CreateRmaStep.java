package io.retailhub.process.returns;

import java.time.Clock;
import java.util.Optional;

import io.retailhub.contracts.ReturnAuthorization;
import io.retailhub.contracts.commands.CreateReturnAuthorization;
import io.retailhub.contracts.commands.ReturnLineRequest;
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
 * {@code return.create-rma}: the customer return in ERP, keyed by the return number as external
 * reference (ERP is asked for it before anything is created, so a repeat returns the first RMA).
 * With the RMA the return is AUTHORIZED ({@link ReturnManagement#authorized}): the customer may
 * ship. The CRM case is opened by its own step, so a CRM outage never holds back the customer's
 * label; the expiry timer starts now, and a receipt that overtook the return is applied. A return
 * canceled while its RMA was being created gets {@code return.cancel-rma}, so the RMA created
 * afterwards is canceled too.
 */
@Component
class CreateRmaStep implements StepHandler {

	private final ReturnCaseRepository returns;

	private final ReturnManagement management;

	private final SystemApiClient systemApi;

	private final WorkflowSteps steps;

	private final Clock clock;

	CreateRmaStep(ReturnCaseRepository returns, ReturnManagement management, SystemApiClient systemApi,
			WorkflowSteps steps, Clock clock) {
		this.returns = returns;
		this.management = management;
		this.systemApi = systemApi;
		this.steps = steps;
		this.clock = clock;
	}

	@Override
	public String step() {
		return ReturnWorkflow.CREATE_RMA;
	}

	@Override
	public StepResult execute(StepExecution step) {
		Optional<ReturnCase> found = returns.findById(step.workflowId()).filter(ReturnCase::needsRma);
		if (found.isEmpty()) {
			return StepResult.done(() -> returns.findById(step.workflowId())
				.filter(ret -> mayHaveCreatedRma(ret, step))
				.ifPresent(ret -> management.scheduleRmaCancel(ret, "The return was canceled after an earlier attempt may have created"
						+ " its RMA in ERP; it is looked up and canceled")));
		}
		ReturnCase ret = found.get();
		try {
			ReturnAuthorization rma = systemApi.createReturnAuthorization(new CreateReturnAuthorization(
					ret.returnNumber(), ret.orderId(), ret.lines()
						.stream()
						.map(l -> new ReturnLineRequest(l.lineNumber(), l.quantity(), l.reason()))
						.toList()));
			return StepResult.done(() -> management.authorized(ret.id(), rma.id()));
		}
		catch (SystemApiUnavailable ex) {
			return StepResult.park(ex.backend() + " unavailable: " + ex.getMessage());
		}
		catch (SystemApiAmbiguous ex) {
			return StepResult.retry(ex.getMessage());
		}
		catch (SystemApiRejection ex) {
			String reason = "ERP refused the return authorization " + ret.returnNumber() + ": " + ex.detail();
			return StepResult.fail(reason, () -> returns.findById(ret.id()).ifPresent(r -> {
				r.requireAction(reason, clock.instant());
				steps.recordTimeline(r.id(), "return.requires-action", reason);
			}));
		}
	}

	/**
	 * A return canceled while this step was retrying, after an attempt whose answer was lost or
	 * that timed out: ERP may hold its RMA although the hub never heard of it.
	 */
	private static boolean mayHaveCreatedRma(ReturnCase ret, StepExecution step) {
		return step.attempt() > 1 && ret.status() == ReturnStatus.CANCELED && ret.eligible()
				&& ret.rmaNumber().isEmpty();
	}
}
