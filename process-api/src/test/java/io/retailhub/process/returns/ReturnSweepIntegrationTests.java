package io.retailhub.process.returns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import io.micrometer.core.instrument.MeterRegistry;
import io.retailhub.contracts.OrderId;
import io.retailhub.contracts.ReturnAuthorizationId;
import io.retailhub.contracts.Sku;
import io.retailhub.contracts.events.ReturnReceived;
import io.retailhub.process.drills.ReturnEffects;
import io.retailhub.process.e2e.DemoOrders;
import io.retailhub.process.e2e.HubSandbox;
import io.retailhub.process.e2e.ProcessApi;
import io.retailhub.process.e2e.ProcessApiInstances;
import io.retailhub.process.e2e.ProcessApiInstances.Deployment;
import io.retailhub.process.e2e.WarehouseReceipts;
import io.retailhub.process.platform.steps.WorkflowSteps;
import io.retailhub.process.systemapi.SystemApiClient;
import io.retailhub.sandbox.backends.data.DemoData;
import io.retailhub.sandbox.backends.data.DemoOrder;
import io.retailhub.sandbox.backends.data.DemoOrderLine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.client.RestClient;

/**
 * The sweep on a process-api instance of its own, running by itself every 200 ms: each kind of
 * stuck receipt work, put in place as the failure it stands for would leave it, is found,
 * repaired through the normal path, counted and alerted, and the return then goes on to its one
 * refund.
 */
@ExtendWith(OutputCaptureExtension.class)
class ReturnSweepIntegrationTests {

	static final Deployment SWEPT = new Deployment("process_sweep", "process-api-sweep", "RW-",
			Map.of("retailhub.returns.sweep.interval", "200ms", "retailhub.returns.sweep.receipt-check-after", "0s",
					"retailhub.returns.sweep.receipt-recheck-every", "1s",
					"retailhub.returns.sweep.unmatched-receipt-alert-after", "1s"));

	static ConfigurableApplicationContext instance;

	@BeforeAll
	static void start() {
		instance = ProcessApiInstances.start("sweep-1", SWEPT);
	}

	@AfterAll
	static void stop() {
		if (instance != null) {
			instance.close();
		}
	}

	@Test
	void appliesAReceiptKeptAlthoughItsReturnWasAuthorized(CapturedOutput output) {
		// given an authorized return and, beside it, the receipt of its RMA still kept for later:
		// what the race between the two transactions once left behind
		JudgedReturn judged = judged();
		ReturnAuthorizationId rma = judged.createRma(bean(SystemApiClient.class));
		transactions().executeWithoutResult(tx -> bean(ReturnManagement.class).authorized(judged.id(), rma));
		ReturnReceived receipt = judged.receipt(rma, "RCPT-" + rma);
		int refundsBefore = HubSandbox.refundsAtPayment(judged.order().paymentIntentId());
		double repairsBefore = repairs("kept-receipt");
		transactions().executeWithoutResult(tx -> bean(EarlyReceiptRepository.class).save(new EarlyReceipt(rma.value(),
				UUID.randomUUID().toString(), 1, bean(JsonMapper.class).writeValueAsString(receipt), Instant.now())));

		// when the sweep comes by, then the receipt is applied, counted and alerted
		awaitClosed(judged);
		assertThat(bean(EarlyReceiptRepository.class).findById(rma.value())).isEmpty();
		assertThat(repairs("kept-receipt")).isEqualTo(repairsBefore + 1);
		assertThat(output.getOut()).contains("ALERT return sweep: the receipt kept for RMA " + rma);
		assertThat(receivedEntries(judged)).isEqualTo(1);
		ReturnEffects.of(api(), judged.id().toString(), judged.order().paymentIntentId()).assertExactlyOnce(refundsBefore);
	}

	@Test
	void takesInAParcelTheWarehouseReceivedButNeverAnnounced(CapturedOutput output) {
		// given an authorized return whose parcel the warehouse received while its webhooks went nowhere
		JudgedReturn judged = judged();
		ReturnAuthorizationId rma = judged.createRma(bean(SystemApiClient.class));
		int refundsBefore = HubSandbox.refundsAtPayment(judged.order().paymentIntentId());
		double repairsBefore = repairs("missed-receipt");
		withoutWebhooks(() -> HubSandbox.receiveParcel(rma.value()));
		transactions().executeWithoutResult(tx -> bean(ReturnManagement.class).authorized(judged.id(), rma));

		// when the sweep comes by, then the warehouse's receipt is taken in, counted and alerted
		awaitClosed(judged);
		assertThat(repairs("missed-receipt")).isEqualTo(repairsBefore + 1);
		assertThat(output.getOut()).contains("ALERT return sweep: the warehouse received RMA " + rma);
		ReturnEffects.of(api(), judged.id().toString(), judged.order().paymentIntentId()).assertExactlyOnce(refundsBefore);

		// and the event, should it arrive after all, is stale: nothing is received twice
		String late = new WarehouseReceipts(kafka(), bean(JsonMapper.class)).publish(judged.order().orderNumber(),
				rma.value(), 1, List.of(WarehouseReceipts.Line.allGood(judged.line().itemNumber(), judged.line().sku(), 1)));
		await().atMost(Duration.ofSeconds(30)).until(() -> inboxHas(late));
		assertThat(receivedEntries(judged)).isEqualTo(1);
		assertThat(repairs("missed-receipt")).isEqualTo(repairsBefore + 1);
	}

	@Test
	void alertsOnceAboutAReceiptForAnRmaNoReturnCarries(CapturedOutput output) {
		// given a receipt for an RMA the hub never asked for
		ReturnAuthorizationId rma = ReturnAuthorizationId.of("UNKNOWN-" + UUID.randomUUID().toString().substring(0, 8));
		// an order the receipt names but nothing ever happens to: kept, never applied
		DemoOrder order = DemoOrders.showcase(DemoData.Showcase.DELIVERED_ORDER);
		DemoOrderLine line = order.lines().get(0);
		ReturnReceived receipt = new ReturnReceived(rma, OrderId.of(order.orderNumber()), "RCPT-" + rma, "DC-EAST",
				List.of(new ReturnReceived.Line(line.itemNumber(), Sku.of(line.sku()), 1, 1, 0, 0)), Instant.now(),
				Instant.now());
		assertThat(bean(ReturnManagement.class).receive(receipt, UUID.randomUUID().toString(), receipt.aggregate(), 1L))
			.isEqualTo(ReturnManagement.ReceiptOutcome.KEPT_FOR_LATER);

		// when it has been kept longer than the threshold, then ops hear of it, once
		String alert = "ALERT return sweep: a receipt for RMA " + rma + " has been kept";
		await().atMost(Duration.ofSeconds(30)).until(() -> output.getOut().contains(alert));
		assertThat(gauge("retailhub.returns.receipts.unmatched")).isGreaterThanOrEqualTo(1);
		await().during(Duration.ofMillis(600)).atMost(Duration.ofSeconds(5))
			.until(() -> output.getOut().split(Pattern.quote(alert), -1).length - 1 == 1);
	}

	private JudgedReturn judged() {
		return JudgedReturn.store(bean(ReturnCaseRepository.class), transactions(), DemoOrders.freshDelivered(),
				SWEPT.numberPrefix());
	}

	private void awaitClosed(JudgedReturn judged) {
		await().atMost(Duration.ofSeconds(60))
			.until(() -> api().returnOf(judged.id()).path("status").asString(), "CLOSED"::equals);
	}

	private long receivedEntries(JudgedReturn judged) {
		return bean(WorkflowSteps.class).timeline(judged.id())
			.stream()
			.filter(entry -> entry.kind().equals("return.received"))
			.count();
	}

	private boolean inboxHas(String eventId) {
		return bean(JdbcClient.class)
			.sql("select count(*) from inbox where consumer = :consumer and event_id = :id")
			.param("consumer", ReturnManagement.RECEIPTS_CONSUMER)
			.param("id", eventId)
			.query(Long.class)
			.single() == 1;
	}

	/** The WMS pushes its webhooks nowhere while {@code action} runs (it records none), then to the system API again. */
	private static void withoutWebhooks(Runnable action) {
		RestClient admin = RestClient.create(HubSandbox.sandboxUrl() + "/admin/warehouse/webhooks");
		admin.delete().retrieve().toBodilessEntity();
		try {
			action.run();
		}
		finally {
			admin.put()
				.contentType(MediaType.APPLICATION_JSON)
				.body(Map.of("url", HubSandbox.systemApiUrl() + "/api/system/v1/webhooks/warehouse", "secret",
						"whsec_sandbox_wms"))
				.retrieve()
				.toBodilessEntity();
		}
	}

	private double repairs(String kind) {
		return bean(MeterRegistry.class).counter("retailhub.returns.sweep.repairs", "kind", kind).count();
	}

	private double gauge(String name) {
		return bean(MeterRegistry.class).get(name).gauge().value();
	}

	@SuppressWarnings("unchecked")
	private static KafkaTemplate<String, byte[]> kafka() {
		return instance.getBean(KafkaTemplate.class);
	}

	private static ProcessApi api() {
		return new ProcessApi(ProcessApiInstances.port(instance));
	}

	private static TransactionTemplate transactions() {
		return new TransactionTemplate(instance.getBean(PlatformTransactionManager.class));
	}

	private static <T> T bean(Class<T> type) {
		return instance.getBean(type);
	}
}
