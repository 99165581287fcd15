package io.retailhub.system.web;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** An endpoint with a bug, for what a 500 answers and logs. */
@RestController
class FailureProbeController {

	/** The failure's own words; they must reach the log, never the caller. */
	static final String SECRET = "sk_live_do_not_leak";

	@GetMapping("/test/failures/unexpected")
	void unexpected() {
		throw new IllegalStateException(SECRET);
	}
}
