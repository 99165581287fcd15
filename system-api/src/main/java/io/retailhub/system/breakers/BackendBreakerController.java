package io.retailhub.system.breakers;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/system/v1/backends}: each backend's circuit breaker on this instance, for ops. */
@RestController
@RequestMapping("/api/system/v1/backends")
@Tag(name = "Backends", description = "Circuit breaker state per backend")
class BackendBreakerController {

	private final BreakerStates breakers;

	BackendBreakerController(BreakerStates breakers) {
		this.breakers = breakers;
	}

	@GetMapping
	@Operation(summary = "Each backend's circuit breaker: state, failure and slow-call rates, calls, current incident start")
	List<BreakerStates.BackendBreaker> backends() {
		return this.breakers.all();
	}
}
