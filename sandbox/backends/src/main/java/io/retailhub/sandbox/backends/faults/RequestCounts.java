package io.retailhub.sandbox.backends.faults;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * How many requests each backend received, by HTTP method, counted before faults are applied:
 * a request refused by an injected outage still counts, which is how tests prove that a call
 * was, or was not, retried. Served at {@code GET /admin/requests}.
 */
@Component
@RestController
public class RequestCounts {

	private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

	void record(Backend backend, String method) {
		counts.computeIfAbsent(key(backend, method), k -> new LongAdder()).increment();
	}

	public long count(Backend backend, String method) {
		LongAdder adder = counts.get(key(backend, method));
		return adder == null ? 0 : adder.sum();
	}

	@GetMapping("/admin/requests")
	Map<String, Long> all() {
		Map<String, Long> all = new TreeMap<>();
		counts.forEach((key, adder) -> all.put(key, adder.sum()));
		return all;
	}

	private static String key(Backend backend, String method) {
		return backend.id() + " " + method;
	}
}
