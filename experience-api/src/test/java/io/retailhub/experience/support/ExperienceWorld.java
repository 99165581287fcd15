package io.retailhub.experience.support;

import java.util.Map;

import io.retailhub.process.e2e.HubSandbox;
import io.retailhub.process.e2e.ProcessApiInstances;
import io.retailhub.process.e2e.ProcessApiInstances.Deployment;
import io.retailhub.sandbox.backends.faults.Backend;
import io.retailhub.sandbox.identity.DemoTokens;
import io.retailhub.sandbox.identity.SharedIdentity;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * Everything around experience-api, started once per test JVM in process and over real HTTP:
 * the sandbox authorization server (real tokens: {@link #tokens()}), the simulated backends and
 * the system API ({@link HubSandbox}, shared with process-api's tests' code) and one process-api
 * instance on a database, consumer group and return numbers of its own. Tests reach in only to
 * inject faults at the backends.
 */
public final class ExperienceWorld {

	/** process-api as experience-api's tests run it; its return numbers start RX- so RMA references never collide. */
	static final Deployment PROCESS = new Deployment("process_experience", "process-api-experience-tests", "RX-",
			Map.of());

	private static ConfigurableApplicationContext processApi;

	private ExperienceWorld() {
	}

	/** The authorization server's issuer, {@code http://localhost:<port>}: the one every service of the test JVM trusts. */
	public static String issuer() {
		return SharedIdentity.issuer();
	}

	/** Real tokens of the sandbox authorization server: demo users' and service tokens. */
	public static DemoTokens tokens() {
		return DemoTokens.of(issuer());
	}

	public static String systemApiUrl() {
		return HubSandbox.systemApiUrl();
	}

	/** The sandbox's root, where its admin API lives. */
	public static String sandboxUrl() {
		return HubSandbox.sandboxUrl();
	}

	public static synchronized String processApiUrl() {
		if (processApi == null) {
			processApi = ProcessApiInstances.start("experience-tests", PROCESS);
			Runtime.getRuntime().addShutdownHook(new Thread(processApi::close, "process-api-shutdown"));
		}
		return "http://localhost:" + ProcessApiInstances.port(processApi);
	}

	/** Every request to the backend fails with 503 until {@link #heal()}. */
	public static void outage(Backend backend) {
		HubSandbox.outage(backend);
	}

	/** Faults cleared and every held request let go. */
	public static void heal() {
		HubSandbox.heal();
	}
}
