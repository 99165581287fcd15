package io.retailhub.process.returns;

import java.time.Clock;

import io.retailhub.process.platform.outbox.Outbox;
import io.retailhub.process.platform.steps.WorkflowSteps;
import io.retailhub.process.refunds.RefundManagement;
import io.retailhub.process.systemapi.SystemApiClient;
import io.retailhub.process.workflows.ReturnWorkflow;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The two ways into inspection: at once when everything arrived, after a grace period when only
 * part did. Two step names because a step is scheduled once per workflow; whichever runs first
 * inspects.
 */
@Configuration(proxyBeanMethods = false)
class InspectionSteps {

	@Bean
	InspectReturnStep inspectReturnStep(ReturnCaseRepository returns, RefundManagement refunds,
			SystemApiClient systemApi, ReturnLocks locks, Outbox outbox, WorkflowSteps steps, Clock clock) {
		return new InspectReturnStep(ReturnWorkflow.INSPECT, returns, refunds, systemApi, locks, outbox, steps, clock);
	}

	@Bean
	InspectReturnStep inspectPartialReturnStep(ReturnCaseRepository returns, RefundManagement refunds,
			SystemApiClient systemApi, ReturnLocks locks, Outbox outbox, WorkflowSteps steps, Clock clock) {
		return new InspectReturnStep(ReturnWorkflow.INSPECT_PARTIAL, returns, refunds, systemApi, locks, outbox, steps,
				clock);
	}
}
