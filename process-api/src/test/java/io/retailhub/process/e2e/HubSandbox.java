package io.retailhub.process.e2e;

import java.util.List;
import java.util.Map;

import io.retailhub.sandbox.backends.faults.Backend;
import io.retailhub.sandbox.backends.faults.Fault;
import io.retailhub.sandbox.backends.faults.Faults;
import io.retailhub.sandbox.backends.payment.PaymentEffects;
import io.retailhub.sandbox.identity.SharedIdentity;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/**
 * What process-api talks to, started once per test JVM in process: the simulated backends and
 * the real system API in front of them ({@link SandboxWorld}), each on a free port, over real
 * HTTP. Tests reach in only to inject faults and to count the effects the backends recorded.
 */
public final class HubSandbox {

	/** Every test of the JVM shares it. */
	private static final SandboxWorld WORLD = new SandboxWorld();

	private HubSandbox() {
	}

	public static ConfigurableApplicationContext backends() {
		return WORLD.backends();
	}

	public static ConfigurableApplicationContext systemApi() {
		return WORLD.systemApi();
	}

	public static String systemApiUrl() {
		return WORLD.systemApiUrl();
	}

	/**
	 * A RestClient builder whose requests carry a service token with every process.* and system.*
	 * scope from the JVM's sandbox authorization server, as a caller of the hub's APIs needs.
	 */
	public static RestClient.Builder withServiceToken() {
		return RestClient.builder().requestInterceptor(SharedIdentity.tokens().serviceTokenInterceptor());
	}

	public static String backendUrl(Backend backend) {
		return WORLD.backendUrl(backend);
	}

	/** The sandbox's root, where its admin API lives. */
	public static String sandboxUrl() {
		return WORLD.sandboxUrl();
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
		return WORLD.backendBean(type);
	}

	/** Every request to the backend fails with 503 until {@link #heal()}. */
	public static void outage(Backend backend) {
		backendBean(Faults.class).inject(backend, new Fault(0, 0, 503, true, null));
	}

	/** Faults cleared and every held request let go. */
	public static void heal() {
		backendBean(Faults.class).clearAll();
		WORLD.held().releaseAll();
	}

	/** Where a test holds requests to the backends until it releases them. */
	public static HeldRequests held() {
		return WORLD.held();
	}

	/** How many refunds the payment provider holds for a PaymentIntent, seeded ones included. */
	public static int refundsAtPayment(String paymentIntentId) {
		return backendBean(PaymentEffects.class).refundCount(paymentIntentId);
	}

	public static long paymentEffect(String effect) {
		return backendBean(PaymentEffects.class).count(effect);
	}
}
