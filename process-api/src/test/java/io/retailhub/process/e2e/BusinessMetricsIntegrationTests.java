package io.retailhub.process.e2e;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import io.retailhub.process.e2e.ProcessApiInstances.Deployment;
import io.retailhub.process.returns.ReturnStatus;
import io.retailhub.sandbox.backends.data.DemoOrder;
import io.retailhub.sandbox.backends.data.DemoOrderLine;
import io.retailhub.sandbox.backends.faults.Backend;
import io.retailhub.sandbox.backends.payment.PaymentLedger;
import io.retailhub.sandbox.backends.payment.RefundBehavior;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.web.client.RestClient;

import static io.retailhub.process.e2e.ProcessApi.line;
import static io.retailhub.process.e2e.ProcessApi.newKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * The business metrics of returns and refunds move as docs/returns-and-refunds.md says, read from
 * {@code /actuator/prometheus} before and after: {@code retailhub_returns{status}},
 * {@code retailhub_refund_cycle_seconds}, {@code retailhub_refunds_parked} and
 * {@code retailhub_refunds_manual_total}. One instance on a database of its own, so the gauges
 * count this test's returns and nothing else.
 */
@ExtendWith(SandboxReset.class)
class BusinessMetricsIntegrationTests {

	private static final Deployment METRICS = new Deployment("process_metrics", "process-api-metrics-tests", "RM-",
			Map.of());

	private static final Duration PATIENCE = Duration.ofSeconds(60);

	private static ConfigurableApplicationContext instance;

	private static ProcessApi api;

	private static WarehouseReceipts warehouse;

	@BeforeAll
	@SuppressWarnings("unchecked")
	static void start() {
		instance = ProcessApiInstances.start("metrics", METRICS);
		api = new ProcessApi(ProcessApiInstances.port(instance));
		warehouse = new WarehouseReceipts(instance.getBean(KafkaTemplate.class), instance.getBean(JsonMapper.class));
	}

	@AfterAll
	static void stop() {
		instance.close();
	}

	@Test
	void aReturnRefundedAndClosedCountsAsClosedAndItsRefundCycleIsTimed() {
		// given what Prometheus reads now
		Scrape before = awaitSettled();

		// when a return goes all the way to its refund
		Received ret = receivedReturn();
		JsonNode closed = awaitReturn(ret.id(), r -> r.path("status").asString().equals("CLOSED"));

		// then one more return is closed and none is anywhere else any more
		Scrape after = await().atMost(PATIENCE)
			.until(BusinessMetricsIntegrationTests::scrape, s -> s.returns("CLOSED") == before.returns("CLOSED") + 1);
		for (ReturnStatus status : ReturnStatus.values()) {
			if (status != ReturnStatus.CLOSED) {
				assertThat(after.returns(status.name())).as(status.name()).isEqualTo(before.returns(status.name()));
			}
		}

		// and one refund cycle was timed, from the request to the refund completed
		double cycle = Duration.between(Instant.parse(closed.path("requestedAt").asString()),
				Instant.parse(closed.path("closedAt").asString())).toNanos() / 1e9;
		assertThat(after.value("retailhub_refund_cycle_seconds_count"))
			.isEqualTo(before.value("retailhub_refund_cycle_seconds_count") + 1);
		assertThat(after.value("retailhub_refund_cycle_seconds_sum") - before.value("retailhub_refund_cycle_seconds_sum"))
			.isCloseTo(cycle, within(0.001));

		// and its parcel's processing (first receipt to close) and its case (opened to closed) were timed too,
		// within the refund cycle, into histograms whose buckets include a day
		assertThat(after.value("retailhub_return_processing_seconds_count"))
			.isEqualTo(before.value("retailhub_return_processing_seconds_count") + 1);
		double processing = after.value("retailhub_return_processing_seconds_sum")
				- before.value("retailhub_return_processing_seconds_sum");
		assertThat(processing).isPositive().isLessThanOrEqualTo(cycle);
		assertThat(after.value("retailhub_case_resolution_seconds_count"))
			.isEqualTo(before.value("retailhub_case_resolution_seconds_count") + 1);
		assertThat(after.value("retailhub_case_resolution_seconds_sum") - before.value("retailhub_case_resolution_seconds_sum"))
			.isPositive()
			.isLessThanOrEqualTo(cycle);
		assertThat(after.value("retailhub_refund_cycle_seconds_bucket", "le", "86400.0"))
			.isEqualTo(before.value("retailhub_refund_cycle_seconds_bucket", "le", "86400.0") + 1);

		// and it was counted: requested through the portal for its reason, completed refunded, its refund posted
		assertThat(after.value("retailhub_returns_requested_total", "channel", "PORTAL"))
			.isEqualTo(before.value("retailhub_returns_requested_total", "channel", "PORTAL") + 1);
		assertThat(after.value("retailhub_return_units_requested_total", "channel", "PORTAL", "reason", "UNWANTED"))
			.isEqualTo(before.orZero("retailhub_return_units_requested_total", "channel", "PORTAL", "reason", "UNWANTED") + 1);
		assertThat(after.value("retailhub_returns_completed_total", "outcome", "REFUNDED"))
			.isEqualTo(before.value("retailhub_returns_completed_total", "outcome", "REFUNDED") + 1);
		for (String status : List.of("REQUESTED", "POSTED")) {
			assertThat(after.value("retailhub_refund_events_total", "status", status)).as(status)
				.isEqualTo(before.value("retailhub_refund_events_total", "status", status) + 1);
		}
		String currency = closed.path("refundAmount").path("currency").asString();
		assertThat(after.value("retailhub_refunded_amount_count", "currency", currency))
			.isEqualTo(before.orZero("retailhub_refunded_amount_count", "currency", currency) + 1);
		assertThat(after.value("retailhub_refunded_amount_sum", "currency", currency)
				- before.orZero("retailhub_refunded_amount_sum", "currency", currency))
			.isCloseTo(closed.path("refundAmount").path("amount").decimalValue().doubleValue(), within(0.001));

		// and nothing was parked or made by hand
		assertThat(after.value("retailhub_refunds_parked")).isZero();
		assertThat(after.value("retailhub_refunds_manual_total")).isEqualTo(before.value("retailhub_refunds_manual_total"));
	}

	@Test
	void aRefundQueuedWhilePaymentIsDownIsCountedAsParkedUntilItIsMade() {
		// given what Prometheus reads now, and the payment provider down
		Scrape before = awaitSettled();
		HubSandbox.outage(Backend.PAYMENT);

		// when a parcel arrives and its refund is queued
		Received ret = receivedReturn();
		await().atMost(PATIENCE)
			.until(() -> api.workflow(ret.id()).path("refundStatus").asString(), "QUEUED"::equals);

		// then one refund is parked, and the return is refunding
		Scrape parked = await().atMost(PATIENCE)
			.until(BusinessMetricsIntegrationTests::scrape, s -> s.value("retailhub_refunds_parked") == 1);
		assertThat(parked.returns("REFUNDING")).isEqualTo(before.returns("REFUNDING") + 1);

		// when payment is back, then the refund is made and no longer counted as parked
		HubSandbox.heal();
		awaitReturn(ret.id(), r -> r.path("status").asString().equals("CLOSED"));
		Scrape after = await().atMost(PATIENCE)
			.until(BusinessMetricsIntegrationTests::scrape, s -> s.value("retailhub_refunds_parked") == 0);
		assertThat(after.value("retailhub_refund_cycle_seconds_count"))
			.isEqualTo(before.value("retailhub_refund_cycle_seconds_count") + 1);
		assertThat(after.value("retailhub_refunds_manual_total")).isEqualTo(before.value("retailhub_refunds_manual_total"));
		// each parked attempt counted
		assertThat(after.value("retailhub_refund_events_total", "status", "QUEUED"))
			.isGreaterThan(before.value("retailhub_refund_events_total", "status", "QUEUED"));
	}

	@Test
	void aRefundThePaymentProviderRefusesCountsAsAManualRefund() {
		// given what Prometheus reads now, and a provider whose refunds fail
		Scrape before = awaitSettled();
		HubSandbox.backendBean(PaymentLedger.class).refundBehavior(RefundBehavior.failing("expired_or_canceled_card"));

		// when a parcel arrives and its refund comes back failed
		Received ret = receivedReturn();
		awaitReturn(ret.id(), r -> r.path("status").asString().equals("REQUIRES_ACTION"));

		// then one refund more must be made by hand, and the return requires action, its refund cycle untimed
		Scrape after = await().atMost(PATIENCE)
			.until(BusinessMetricsIntegrationTests::scrape,
					s -> s.returns("REQUIRES_ACTION") == before.returns("REQUIRES_ACTION") + 1);
		assertThat(after.value("retailhub_refunds_manual_total"))
			.isEqualTo(before.value("retailhub_refunds_manual_total") + 1);
		assertThat(after.value("retailhub_refund_cycle_seconds_count"))
			.isEqualTo(before.value("retailhub_refund_cycle_seconds_count"));
		assertThat(after.value("retailhub_refunds_parked")).isZero();
		assertThat(after.value("retailhub_refund_events_total", "status", "FAILED"))
			.isEqualTo(before.value("retailhub_refund_events_total", "status", "FAILED") + 1);

		// when a person sends it on, the time it waited for them is timed
		HubSandbox.backendBean(PaymentLedger.class).refundBehavior(RefundBehavior.DEFAULT);
		assertThat(api.resume(ret.id()).getStatusCode().is2xxSuccessful()).isTrue();
		Scrape resumed = await().atMost(PATIENCE)
			.until(BusinessMetricsIntegrationTests::scrape,
					s -> s.value("retailhub_exception_handling_seconds_count") == before
						.value("retailhub_exception_handling_seconds_count") + 1);
		assertThat(resumed.value("retailhub_exception_handling_seconds_sum")
				- before.value("retailhub_exception_handling_seconds_sum")).isPositive();
	}

	private record Received(String id) {
	}

	/** A return of one unit of a fresh order, authorized with its case open, whose parcel has arrived. */
	private static Received receivedReturn() {
		DemoOrder order = DemoOrders.freshReturnable();
		DemoOrderLine line = order.lines().get(0);
		String id = api.requestReturn(newKey(), order.orderNumber(), "PORTAL", line(line.itemNumber(), 1, "UNWANTED"))
			.getBody()
			.path("id")
			.asString();
		String rma = awaitReturn(id, r -> r.path("status").asString().equals("AUTHORIZED") && r.hasNonNull("caseId"))
			.path("rmaNumber")
			.asString();
		warehouse.publish(order.orderNumber(), rma, 1,
				List.of(WarehouseReceipts.Line.allGood(line.itemNumber(), line.sku(), 1)));
		return new Received(id);
	}

	private static JsonNode awaitReturn(String id, Predicate<JsonNode> condition) {
		return await().atMost(PATIENCE).pollInterval(Duration.ofMillis(100)).until(() -> api.returnOf(id), condition);
	}

	/**
	 * What Prometheus reads once every return of the earlier tests has settled: the gauges are
	 * read from the database at most once a second, so two scrapes a second apart must agree.
	 */
	private static Scrape awaitSettled() {
		Scrape[] last = { scrape() };
		return await().atMost(PATIENCE).pollInterval(Duration.ofMillis(1100)).until(() -> {
			Scrape previous = last[0];
			last[0] = scrape();
			return previous.gauges().equals(last[0].gauges()) ? last[0] : null;
		}, s -> s != null);
	}

	private static Scrape scrape() {
		return new Scrape(RestClient.create("http://localhost:" + ProcessApiInstances.port(instance))
			.get()
			.uri("/actuator/prometheus")
			.retrieve()
			.body(String.class));
	}

	/** One scrape of {@code /actuator/prometheus}. */
	private record Scrape(String text) {

		/** {@code retailhub_returns{status}}. */
		double returns(String status) {
			return value("retailhub_returns", "status", status);
		}

		/** The business gauges, to tell when they stopped moving. */
		String gauges() {
			return text.lines()
				.filter(l -> l.startsWith("retailhub_returns{") || l.startsWith("retailhub_refunds_parked"))
				.sorted()
				.reduce("", (a, b) -> a + b + "\n");
		}

		/** As {@link #value}, but 0 when there is no such sample yet (a meter made on first use). */
		double orZero(String name, String... labels) {
			boolean present = text.lines()
				.filter(l -> l.startsWith(name + "{") || l.startsWith(name + " "))
				.anyMatch(l -> {
					for (int i = 0; i < labels.length; i += 2) {
						if (!l.contains(labels[i] + "=\"" + labels[i + 1] + "\"")) {
							return false;
						}
					}
					return true;
				});
			return present ? value(name, labels) : 0;
		}

		/**
		 * The sample of {@code name} whose labels include these name/value pairs; fails when there
		 * is none, or more than one.
		 */
		double value(String name, String... labels) {
			List<String> samples = text.lines()
				.filter(l -> !l.startsWith("#"))
				.filter(l -> l.startsWith(name + "{") || l.startsWith(name + " "))
				.filter(l -> {
					String labelText = l.contains("{") ? l.substring(l.indexOf('{'), l.indexOf('}') + 1) : "";
					for (int i = 0; i < labels.length; i += 2) {
						if (!labelText.contains(labels[i] + "=\"" + labels[i + 1] + "\"")) {
							return false;
						}
					}
					return true;
				})
				.toList();
			assertThat(samples).as("%s %s in the scrape", name, Arrays.toString(labels)).hasSize(1);
			String sample = samples.get(0);
			return Double.parseDouble(sample.substring(sample.lastIndexOf(' ') + 1));
		}
	}
}
