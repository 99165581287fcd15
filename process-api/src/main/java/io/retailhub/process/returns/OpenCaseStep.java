package io.retailhub.process.returns;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Collectors;

import io.retailhub.contracts.CasePriority;
import io.retailhub.contracts.ServiceCase;
import io.retailhub.contracts.commands.OpenCase;
import io.retailhub.contracts.events.CaseOpened;
import io.retailhub.contracts.events.ReturnChannel;
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
 * {@code return.open-case}: the CRM case for the return, upserted by the external ID
 * {@code return-<return number>}: opening it twice leaves one case. Agents find the return's
 * context in its subject and description.
 */
@Component
class OpenCaseStep implements StepHandler {

	private final ReturnCaseRepository returns;

	private final SystemApiClient systemApi;

	private final Outbox outbox;

	private final WorkflowSteps steps;

	private final Clock clock;

	OpenCaseStep(ReturnCaseRepository returns, SystemApiClient systemApi, Outbox outbox, WorkflowSteps steps,
			Clock clock) {
		this.returns = returns;
		this.systemApi = systemApi;
		this.outbox = outbox;
		this.steps = steps;
		this.clock = clock;
	}

	@Override
	public String step() {
		return ReturnWorkflow.OPEN_CASE;
	}

	@Override
	public StepResult execute(StepExecution step) {
		Optional<ReturnCase> found = returns.findById(step.workflowId())
			.filter(r -> r.caseId().isEmpty() && r.rmaNumber().isPresent() && r.customerId().isPresent());
		if (found.isEmpty()) {
			return StepResult.done();
		}
		ReturnCase ret = found.get();
		String subject = subject(ret);
		try {
			ServiceCase opened = systemApi.openCase(new OpenCase(ret.caseExternalId(), ret.customerId().orElseThrow(),
					ret.orderId(), subject, description(ret), null, CasePriority.MEDIUM, origin(ret.channel())));
			return StepResult.done(() -> returns.findById(ret.id()).ifPresent(r -> {
				Instant now = clock.instant();
				boolean first = r.caseId().isEmpty();
				r.caseOpened(opened.id(), now);
				if (first) {
					outbox.append(new CaseOpened(opened.id(), r.caseExternalId(), opened.caseNumber(), r.orderId(),
							r.customerId().orElseThrow(), r.returnId(), subject, now));
					steps.recordTimeline(r.id(), "case.opened", "CRM case " + opened.caseNumber() + " ("
							+ opened.id() + ") opened as " + r.caseExternalId());
				}
			}));
		}
		catch (SystemApiUnavailable ex) {
			return StepResult.park(ex.backend() + " unavailable: " + ex.getMessage());
		}
		catch (SystemApiAmbiguous ex) {
			// an upsert by external ID: repeating it is safe
			return StepResult.retry(ex.getMessage());
		}
		catch (SystemApiRejection ex) {
			return StepResult.fail("CRM refused the case " + ret.caseExternalId() + ": " + ex.detail(),
					() -> steps.recordTimeline(ret.id(), "case.refused", "CRM refused the case: " + ex.detail()));
		}
	}

	static String subject(ReturnCase ret) {
		return "Return " + ret.returnNumber() + " for order " + ret.orderId().value();
	}

	static String description(ReturnCase ret) {
		String lines = ret.lines()
			.stream()
			.map(l -> "- line " + l.lineNumber() + (l.sku() == null ? "" : " (" + l.sku() + ")") + ": " + l.quantity()
					+ " x, reason " + l.reason())
			.collect(Collectors.joining("\n"));
		return "Return " + ret.returnNumber() + " of order " + ret.orderId().value() + ", requested via "
				+ ret.channel() + ret.storeId().map(s -> " at " + s).orElse("")
				+ ReturnManagement.by(ret.requestedBy().orElse(null)) + ".\nRMA: " + ret.rmaNumber().map(Object::toString).orElse("-") + "\nLines:\n" + lines
				+ "\nEstimated refund: " + ret.estimatedRefund() + "\nShip by: " + ret.expiresAt();
	}

	/** The CRM's case origin for the channel the return came in through. */
	static String origin(ReturnChannel channel) {
		return switch (channel) {
			case PORTAL -> "Web";
			case AGENT -> "Phone";
			case STORE -> "Store";
		};
	}
}
