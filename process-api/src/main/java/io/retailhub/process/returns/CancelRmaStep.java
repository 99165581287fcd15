package io.retailhub.process.returns;

import java.util.Optional;
import java.util.Set;

import io.retailhub.contracts.ReturnAuthorization;
import io.retailhub.contracts.ReturnAuthorizationCancelReason;
import io.retailhub.contracts.ReturnAuthorizationId;
import io.retailhub.contracts.commands.CancelReturnAuthorization;
import io.retailhub.contracts.problems.ProblemType;
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
 * {@code return.cancel-rma}: after a return was canceled or expired, its RMA is canceled in ERP
 * (the system API rejects its items), so that the warehouse can no longer receive a parcel
 * against it and ERP no longer counts its units as coming back. The return is final already;
 * this is follow-up work, and safe to repeat (canceling a canceled RMA writes nothing).
 *
 * <p>The RMA is the one the return recorded or, when the cancel overtook the RMA's creation, the
 * one ERP holds under the return number. ERP or the system API down: the step parks and is
 * retried until they are back. The warehouse received something already (409): the RMA stays,
 * and the parcel's receipt makes the return require action.
 */
@Component
class CancelRmaStep implements StepHandler {

	/** A return in one of these may have an RMA to cancel. */
	private static final Set<ReturnStatus> ENDED = Set.of(ReturnStatus.CANCELED, ReturnStatus.EXPIRED);

	private final ReturnCaseRepository returns;

	private final ReturnManagement management;

	private final SystemApiClient systemApi;

	private final WorkflowSteps steps;

	CancelRmaStep(ReturnCaseRepository returns, ReturnManagement management, SystemApiClient systemApi,
			WorkflowSteps steps) {
		this.returns = returns;
		this.management = management;
		this.systemApi = systemApi;
		this.steps = steps;
	}

	@Override
	public String step() {
		return ReturnWorkflow.CANCEL_RMA;
	}

	@Override
	public StepResult execute(StepExecution step) {
		Optional<ReturnCase> found = returns.findById(step.workflowId());
		if (found.isEmpty()) {
			return StepResult.done();
		}
		ReturnCase ret = found.get();
		ReturnStatus ended = ret.status() == ReturnStatus.REQUIRES_ACTION ? ret.actionFromStatus() : ret.status();
		if (!ENDED.contains(ended)) {
			return StepResult.done(() -> steps.recordTimeline(ret.id(), "return.rma-cancel-skipped",
					"The return is " + ret.status() + "; its RMA stays open in ERP"));
		}
		ReturnAuthorizationCancelReason reason = ended == ReturnStatus.EXPIRED ? ReturnAuthorizationCancelReason.EXPIRED
				: ReturnAuthorizationCancelReason.CANCELED_BY_CUSTOMER;
		try {
			Optional<ReturnAuthorizationId> rma = ret.rmaNumber().or(() -> createdMeanwhile(ret));
			if (rma.isEmpty()) {
				return StepResult.done(() -> steps.recordTimeline(ret.id(), "return.rma-cancel-skipped",
						"ERP holds no RMA for " + ret.returnNumber() + "; nothing to cancel"));
			}
			ReturnAuthorization canceled = systemApi.cancelReturnAuthorization(rma.get(),
					new CancelReturnAuthorization(reason));
			return StepResult.done(() -> management.rmaCanceled(ret.id(), canceled));
		}
		catch (SystemApiUnavailable ex) {
			return StepResult.park(ex.backend() + " unavailable: " + ex.getMessage());
		}
		catch (SystemApiAmbiguous ex) {
			return StepResult.retry(ex.getMessage());
		}
		catch (SystemApiRejection ex) {
			if (ex.is(ProblemType.NOT_FOUND)) {
				return StepResult.done(() -> steps.recordTimeline(ret.id(), "return.rma-cancel-skipped",
						"ERP does not know the RMA of " + ret.returnNumber() + "; nothing to cancel"));
			}
			if (ex.is(ProblemType.CONFLICT)) {
				return StepResult.done(() -> steps.recordTimeline(ret.id(), "return.rma-cancel-skipped",
						"The warehouse received a parcel for the RMA before it was canceled; it stays open in ERP: "
								+ ex.detail()));
			}
			String detail = "ERP refused to cancel the RMA of " + ret.returnNumber() + ": " + ex.detail();
			return StepResult.fail(detail, () -> steps.recordTimeline(ret.id(), "return.rma-cancel-failed",
					detail + "; a person must close it in ERP"));
		}
	}

	/** Gave up after the step's attempts (ambiguous answers each time): someone must look. */
	@Override
	public StepResult exhausted(StepExecution step, String lastError) {
		return StepResult.fail(lastError, () -> steps.recordTimeline(step.workflowId(), "return.rma-cancel-failed",
				"Canceling the RMA in ERP kept failing (" + lastError + "); a person must close it in ERP"));
	}

	/** The RMA ERP created under the return number although the return was canceled first. */
	private Optional<ReturnAuthorizationId> createdMeanwhile(ReturnCase ret) {
		return systemApi.findReturnAuthorizations(ret.orderId())
			.stream()
			.filter(rma -> ret.returnNumber().equals(rma.externalReference()))
			.map(ReturnAuthorization::id)
			.findFirst();
	}
}
