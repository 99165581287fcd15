package io.retailhub.process.e2e;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.retailhub.sandbox.backends.SandboxBackendsApplication;
import io.retailhub.sandbox.backends.faults.Backend;
import io.retailhub.sandbox.backends.faults.Fault;
import io.retailhub.sandbox.backends.faults.Faults;
import io.retailhub.sandbox.backends.payment.PaymentEffects;
import io.retailhub.sandbox.infra.SharedInfrastructure;
import io.retailhub.system.SystemApiApplication;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/**
 * What process-api talks to, started once per test JVM in process: the simulated backends and
 * the real system API in front of them, each on a free port, over real HTTP. Tests reach in only
 * to inject faults and to count the effects the backends recorded.
 */
public final class HubSandbox {

	/**
	 * The test classpath carries process-api's persistence: the other applications in this JVM
	 * need none of it, and must not pick up process-api's migrations.
	 */
	private static final String NO_PERSISTENCE = "--spring.autoconfigure.exclude="
			+ "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration,"
			+ "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration,"
			+ "org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration,"
			+ "org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration,"
			+ "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration,"
			+ "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration,"
			+ "org.springframework.boot.data.jpa.autoconfigure.DataJpaRepositoriesAutoConfiguration";

	/** The HMAC key the sandbox WMS signs with and the system API checks; both default to it. */
	private static final String WEBHOOK_SECRET = "whsec_sandbox_wms";

	private static final HeldRequests HELD = new HeldRequests();

	private static ConfigurableApplicationContext backends;

	private static ConfigurableApplicationContext systemApi;

	private HubSandbox() {
	}

	/** The backends, started on first use; command-line arguments, because they outrank the yml files. */
	public static synchronized ConfigurableApplicationContext backends() {
		if (backends == null) {
			backends = SandboxBackendsApplication.builder()
				.initializers(context -> context.getBeanFactory().registerSingleton("heldRequests", HELD))
				.run("--server.port=0", "--spring.main.banner-mode=off", "--sandbox.warehouse.auto-receive-after=0s",
						NO_PERSISTENCE);
			Runtime.getRuntime().addShutdownHook(new Thread(backends::close, "sandbox-backends-shutdown"));
		}
		return backends;
	}

	/** The system API, its adapters pointed at the backends, started on first use. */
	public static synchronized ConfigurableApplicationContext systemApi() {
		if (systemApi == null) {
			List<String> args = new ArrayList<>(List.of("--server.port=0", "--spring.main.banner-mode=off",
					NO_PERSISTENCE));
			for (Backend backend : Backend.values()) {
				args.add("--retailhub.backends." + backend.id() + ".base-url=" + backendUrl(backend));
			}
			SharedInfrastructure.kafka()
				.springKafkaProperties()
				.forEach((name, value) -> args.add("--" + name + "=" + value));
			systemApi = SystemApiApplication.builder().run(args.toArray(String[]::new));
			Runtime.getRuntime().addShutdownHook(new Thread(systemApi::close, "system-api-shutdown"));
			// the WMS pushes its signed receipts to the system API, as in the local run
			RestClient.create()
				.put()
				.uri(sandboxUrl() + "/admin/warehouse/webhooks")
				.contentType(MediaType.APPLICATION_JSON)
				.body(Map.of("url", systemApiUrl() + "/api/system/v1/webhooks/warehouse", "secret",
						WEBHOOK_SECRET))
				.retrieve()
				.toBodilessEntity();
		}
		return systemApi;
	}

	public static String systemApiUrl() {
		return "http://localhost:" + systemApi().getEnvironment().getProperty("local.server.port");
	}

	public static String backendUrl(Backend backend) {
		return sandboxUrl() + backend.pathPrefix();
	}

	/** The sandbox's root, where its admin API lives. */
	public static String sandboxUrl() {
		return "http://localhost:" + backends().getEnvironment().getProperty("local.server.port");
	}

	/** The warehouse receives a parcel for the RMA: every expected unit, in good order. */
	public static void receiveParcel(String rmaNumber) {
		RestClient.create()
			.post()
			.uri(sandboxUrl() + "/admin/warehouse/rmas/{rma}/receive", rmaNumber)
			.retrieve()
			.toBodilessEntity();
	}

	/** The warehouse receives a parcel with {@code units} units of one line of the RMA, in good order. */
	public static void receiveParcel(String rmaNumber, String lineNumber, int units) {
		RestClient.create()
			.post()
			.uri(sandboxUrl() + "/admin/warehouse/rmas/{rma}/receive", rmaNumber)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("lines", List.of(Map.of("lineNumber", lineNumber, "received", units))))
			.retrieve()
			.toBodilessEntity();
	}

	public static <T> T backendBean(Class<T> type) {
		return backends().getBean(type);
	}

	/** Every request to the backend fails with 503 until {@link #heal()}. */
	public static void outage(Backend backend) {
		backendBean(Faults.class).inject(backend, new Fault(0, 0, 503, true, null));
	}

	/** Faults cleared and every held request let go. */
	public static void heal() {
		backendBean(Faults.class).clearAll();
		HELD.releaseAll();
	}

	/** Where a test holds requests to the backends until it releases them. */
	public static HeldRequests held() {
		backends();
		return HELD;
	}

	/** How many refunds the payment provider holds for a PaymentIntent, seeded ones included. */
	public static int refundsAtPayment(String paymentIntentId) {
		return backendBean(PaymentEffects.class).refundCount(paymentIntentId);
	}

	public static long paymentEffect(String effect) {
		return backendBean(PaymentEffects.class).count(effect);
	}
}
