package io.retailhub.system.support;

import io.retailhub.sandbox.backends.SandboxBackendsApplication;
import io.retailhub.sandbox.backends.data.DemoData;
import io.retailhub.sandbox.backends.faults.Backend;
import io.retailhub.sandbox.backends.faults.Fault;
import io.retailhub.sandbox.backends.faults.Faults;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * The simulated backends, started once per test JVM on a free port, in process. Tests reach
 * them over real HTTP through the adapters, and reach in only to inject faults, read the demo
 * data and count recorded effects.
 */
public final class Sandbox {

	private static ConfigurableApplicationContext context;

	private Sandbox() {
	}

	public static synchronized ConfigurableApplicationContext context() {
		if (context == null) {
			// command-line arguments: they outrank sandbox.yml, default properties do not; the WMS
			// retries webhooks within seconds, not minutes
			context = SandboxBackendsApplication.builder()
				.run("--server.port=0", "--spring.main.banner-mode=off",
						"--sandbox.warehouse.webhooks.retry.initial-backoff=200ms",
						"--sandbox.warehouse.webhooks.retry.max-backoff=1s",
						"--sandbox.warehouse.auto-receive-poll-interval=200ms");
			Runtime.getRuntime().addShutdownHook(new Thread(() -> context.close(), "sandbox-shutdown"));
		}
		return context;
	}

	public static String baseUrl() {
		return "http://localhost:" + context().getEnvironment().getProperty("local.server.port");
	}

	public static String baseUrl(Backend backend) {
		return baseUrl() + backend.pathPrefix();
	}

	public static DemoData data() {
		return context().getBean(DemoData.class);
	}

	public static <T> T bean(Class<T> type) {
		return context().getBean(type);
	}

	public static void inject(Backend backend, Fault fault) {
		context().getBean(Faults.class).inject(backend, fault);
	}

	public static void outage(Backend backend) {
		inject(backend, new Fault(0, 0, 503, true, null));
	}

	public static void latency(Backend backend, long millis) {
		inject(backend, new Fault(millis, 0, null, false, null));
	}

	public static void heal() {
		context().getBean(Faults.class).clearAll();
	}
}
