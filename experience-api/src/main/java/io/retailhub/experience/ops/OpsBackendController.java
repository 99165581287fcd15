package io.retailhub.experience.ops;

import io.retailhub.experience.downstream.OpsApiClient;
import tools.jackson.databind.JsonNode;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Each backend's health as its circuit breaker in system-api sees it. */
@RestController
@RequestMapping("/api/ops/v1/backends")
class OpsBackendController {

	private final OpsApiClient ops;

	OpsBackendController(OpsApiClient ops) {
		this.ops = ops;
	}

	@GetMapping
	JsonNode backends() {
		return this.ops.backends();
	}

}
