package io.retailhub.system.returnpolicy;

import io.retailhub.contracts.ReturnPolicyEvaluation;
import io.retailhub.contracts.commands.EvaluateReturnPolicy;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Evaluating the policy changes nothing; it is a POST because the question (lines, quantities,
 * reasons) is a body, and the answer is a new evaluation resource that is not stored.
 */
@RestController
@RequestMapping("/api/system/v1/return-policy/evaluations")
@Tag(name = "Return policy", description = "Commerce return policy applied to order lines")
class ReturnPolicyController {

	private final ReturnPolicyManagement policy;

	ReturnPolicyController(ReturnPolicyManagement policy) {
		this.policy = policy;
	}

	@PostMapping
	@Operation(summary = "Which of these lines and quantities may be returned, and what they would refund")
	ReturnPolicyEvaluation evaluate(@Valid @RequestBody EvaluateReturnPolicy request) {
		return policy.evaluate(request);
	}
}
