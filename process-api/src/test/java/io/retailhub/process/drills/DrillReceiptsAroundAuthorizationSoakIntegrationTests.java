package io.retailhub.process.drills;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.retailhub.process.e2e.ProcessApi;
import io.retailhub.process.e2e.ProcessApiInstances;
import io.retailhub.process.e2e.ProcessApiInstances.Deployment;
import io.retailhub.process.e2e.SandboxWorld;
import io.retailhub.sandbox.backends.data.DemoData;
import io.retailhub.sandbox.backends.data.DemoOrder;
import io.retailhub.sandbox.backends.data.DemoOrderLine;
import io.retailhub.sandbox.backends.erp.ErpEffects;
import io.retailhub.sandbox.backends.faults.Backend;
import io.retailhub.sandbox.backends.faults.Fault;
import io.retailhub.sandbox.backends.faults.Faults;
import io.retailhub.sandbox.backends.payment.PaymentEffects;
import io.retailhub.sandbox.infra.KafkaBroker;
import io.retailhub.sandbox.infra.SharedInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Hundreds of returns through two process-api instances, each parcel received by the warehouse
 * at a random moment shortly after ERP created its RMA, while ERP is slow to answer its writes:
 * some receipts reach the hub before it has recorded the authorization, the others after, while
 * the other instance is busy with the rest. Every return must close with exactly one RMA, one
 * refund and one credit memo, and receipts must have landed on both sides of the authorization.
 *
 * <p>The drill runs in a sandbox world of its own (backends, demo data, system API and Kafka
 * broker), so that everything its backends record is the drill's: the totals at ERP and the
 * payment provider must equal the number of returns. {@code -Dretailhub.soak.returns=1000} runs a longer soak.
 */
class DrillReceiptsAroundAuthorizationSoakIntegrationTests {

	static final int RETURNS = Integer.getInteger("retailhub.soak.returns", 200);

	static final long ERP_ANSWER_DELAY_MS = 500;

	static KafkaBroker kafka;

	static SandboxWorld world;

	static ConfigurableApplicationContext first;

	static ConfigurableApplicationContext second;

	@BeforeAll
	static void startTwoInstances() {
		kafka = SharedInfrastructure.startKafka();
		// parcels arrive 1 ms to 1 s after ERP created the RMA; the WMS looks for new RMAs every 5 ms
		world = new SandboxWorld(kafka, "--sandbox.warehouse.auto-receive-after=1ms",
				"--sandbox.warehouse.auto-receive-jitter=1s", "--sandbox.warehouse.auto-receive-poll-interval=5ms");
		// ERP answers its writes half a second after carrying them out: the hub learns of each RMA that
		// much after the warehouse can see it, so parcels land both before and after the authorization
		// (a credit memo, a create and a price change, stays well inside the system API's time limit)
		world.backendBean(Faults.class).inject(Backend.ERP, new Fault(0, 0, null, false, null, ERP_ANSWER_DELAY_MS));
		Deployment soak = new Deployment("process_soak", "process-api-soak", "RS-",
				Map.of("retailhub.system-api.base-url", world.systemApiUrl(), "spring.kafka.bootstrap-servers",
						kafka.bootstrapServers()));
		first = ProcessApiInstances.start("soak-1", soak);
		second = ProcessApiInstances.start("soak-2", soak);
	}

	@AfterAll
	static void stop() {
		if (second != null) {
			second.close();
		}
		if (first != null) {
			first.close();
		}
		if (world != null) {
			world.close();
		}
		if (kafka != null) {
			kafka.close();
		}
	}

	@Test
	void everyReturnClosesWithOneRmaOneRefundAndOneCreditMemo() throws Exception {
		// given returnable lines of delivered orders, one unit each
		List<ReturnedLine> lines = returnableLines(world.backendBean(DemoData.class), RETURNS);
		List<ProcessApi> apis = List.of(new ProcessApi(ProcessApiInstances.port(first)),
				new ProcessApi(ProcessApiInstances.port(second)));
		long rmasBefore = world.backendBean(ErpEffects.class).count(ErpEffects.CUSTOMER_RETURNS_CREATED);
		long memosBefore = world.backendBean(ErpEffects.class).count(ErpEffects.CREDIT_MEMO_REQUESTS_CREATED);
		long refundsBefore = world.backendBean(PaymentEffects.class).count(PaymentEffects.REFUNDS_CREATED);

		// when they are requested eight at a time, alternately from both instances
		Instant start = Instant.now();
		ExecutorService customers = Executors.newFixedThreadPool(8);
		List<Future<String>> requested = new ArrayList<>();
		for (int i = 0; i < lines.size(); i++) {
			ProcessApi api = apis.get(i % 2);
			ReturnedLine line = lines.get(i);
			requested.add(customers.submit(() -> {
				JsonNode created = api.requestReturn(ProcessApi.newKey(), line.order().orderNumber(), "PORTAL",
						ProcessApi.line(line.line().itemNumber(), 1, "UNWANTED")).getBody();
				return created.path("id").asString();
			}));
		}
		for (Future<String> id : requested) {
			assertThat(id.get()).isNotEmpty();
		}
		customers.shutdown();

		// then every one closes, none strays
		JdbcClient db = first.getBean(JdbcClient.class);
		await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(500)).until(() -> {
			Map<String, Long> statuses = statuses(db);
			assertThat(statuses.keySet()).as("statuses of the soak's returns")
				.doesNotContain("DECLINED", "REQUIRES_ACTION", "EXPIRED", "CANCELED");
			return statuses.getOrDefault("CLOSED", 0L) == RETURNS;
		});
		Duration took = Duration.between(start, Instant.now());

		// with one of each per return: at the backends, and each its own
		assertThat(world.backendBean(ErpEffects.class).count(ErpEffects.CUSTOMER_RETURNS_CREATED) - rmasBefore)
			.as("RMAs created in ERP").isEqualTo(RETURNS);
		assertThat(world.backendBean(ErpEffects.class).count(ErpEffects.CREDIT_MEMO_REQUESTS_CREATED) - memosBefore)
			.as("credit memos created in ERP").isEqualTo(RETURNS);
		assertThat(world.backendBean(PaymentEffects.class).count(PaymentEffects.REFUNDS_CREATED) - refundsBefore)
			.as("refunds made by the payment provider").isEqualTo(RETURNS);
		assertThat(distinct(db, "select count(distinct rma_number) from return_case")).isEqualTo(RETURNS);
		assertThat(distinct(db, "select count(distinct provider_refund_id) from refund where status = 'COMPLETED'"))
			.isEqualTo(RETURNS);
		assertThat(distinct(db, "select count(distinct credit_memo_id) from refund where status = 'COMPLETED'"))
			.isEqualTo(RETURNS);
		assertThat(distinct(db, "select count(*) from early_receipt")).as("receipts still kept").isZero();
		long overtook = distinct(db,
				"select count(distinct workflow_id) from workflow_timeline where kind = 'return.receipt-was-kept'");
		long receivedTwice = distinct(db, """
				select count(*) from (select workflow_id from workflow_timeline where kind = 'return.received'
				group by workflow_id having count(*) > 1) twice""");
		assertThat(receivedTwice).as("returns that took a receipt twice").isZero();
		assertThat(overtook).as("receipts that arrived before the hub recorded the RMA (kept, then applied)")
			.isPositive()
			.isLessThan(RETURNS);
		System.out.printf("soak: %d returns closed in %d s on two instances; %d receipt(s) overtook their "
				+ "authorization (kept, then applied), %d came after it%n", RETURNS, took.toSeconds(), overtook,
				RETURNS - overtook);
	}

	private static Map<String, Long> statuses(JdbcClient db) {
		return db.sql("select status, count(*) from return_case group by status")
			.query((rs, row) -> Map.entry(rs.getString(1), rs.getLong(2)))
			.list()
			.stream()
			.collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	private static long distinct(JdbcClient db, String sql) {
		return db.sql(sql).query(Long.class).single();
	}

	/** One unit of each returnable line of recently delivered orders, as many as asked for. */
	private static List<ReturnedLine> returnableLines(DemoData data, int count) {
		Instant recent = data.anchor().minus(Duration.ofDays(11));
		List<ReturnedLine> lines = data.orders()
			.stream()
			.filter(o -> !o.orderNumber().matches("[A-Z]+-10000[1-9]"))
			.filter(DemoOrder::fullyDelivered)
			.filter(o -> o.returns().isEmpty())
			.filter(o -> o.shipments().stream().allMatch(s -> s.deliveredAt() != null && s.deliveredAt().isAfter(recent)))
			.flatMap(o -> o.lines().stream().filter(l -> !l.finalSale()).map(l -> new ReturnedLine(o, l)))
			.limit(count)
			.toList();
		assertThat(lines).as("returnable lines in the demo data").hasSize(count);
		return lines;
	}

	private record ReturnedLine(DemoOrder order, DemoOrderLine line) {
	}
}
