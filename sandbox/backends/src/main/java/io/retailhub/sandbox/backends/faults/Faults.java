package io.retailhub.sandbox.backends.faults;

import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.stereotype.Component;

/** The faults currently injected, per backend. Thread-safe. */
@Component
public class Faults {

	private final Map<Backend, Fault> active = new ConcurrentHashMap<>();

	private final Clock clock;

	Faults(Clock clock) {
		this.clock = clock;
	}

	public void inject(Backend backend, Fault fault) {
		active.put(backend, fault);
	}

	public void clear(Backend backend) {
		active.remove(backend);
	}

	public void clearAll() {
		active.clear();
	}

	public Fault current(Backend backend) {
		return active.getOrDefault(backend, Fault.none());
	}

	Map<Backend, Fault> all() {
		Map<Backend, Fault> all = new EnumMap<>(Backend.class);
		for (Backend backend : Backend.values()) {
			all.put(backend, current(backend));
		}
		return all;
	}

	/** Decides the fate of one request: {@code null} to serve it, or the error status to answer. */
	Integer errorFor(Backend backend) {
		Fault fault = current(backend);
		if (fault.inOutage(clock.instant())) {
			return fault.errorStatus();
		}
		if (fault.errorRate() > 0 && ThreadLocalRandom.current().nextDouble() < fault.errorRate()) {
			return fault.errorStatus();
		}
		return null;
	}
}
