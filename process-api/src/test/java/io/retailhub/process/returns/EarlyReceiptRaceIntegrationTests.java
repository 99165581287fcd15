package io.retailhub.process.returns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import io.retailhub.contracts.ReturnAuthorizationId;
import io.retailhub.contracts.events.ReturnReceived;
import io.retailhub.process.drills.ReturnEffects;
import io.retailhub.process.e2e.DemoOrders;
import io.retailhub.process.e2e.HubSandbox;
import io.retailhub.process.e2e.ProcessApi;
import io.retailhub.process.e2e.ProcessApiInstances;
import io.retailhub.process.e2e.ProcessApiInstances.Deployment;
import io.retailhub.process.platform.steps.WorkflowSteps;
import io.retailhub.process.returns.ReturnManagement.ReceiptOutcome;
import io.retailhub.process.support.HeldTransaction;
import io.retailhub.process.systemapi.SystemApiClient;
import io.retailhub.sandbox.backends.data.DemoOrder;
import io.retailhub.sandbox.backends.data.DemoOrderLine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The race that once stranded a refund: the transaction that records a return's RMA (completing
 * {@code return.create-rma}) and the one that takes in the warehouse's receipt for that RMA, in
 * flight at the same moment. Under READ COMMITTED each could miss the other's uncommitted row (the
 * receipt kept for later, the authorization finding nothing kept) and the parcel was never applied.
 *
 * <p>The drill makes each interleaving happen instead of hoping for it: the first transaction does
 * its work and is held open ({@link HeldTransaction}); the second starts meanwhile and must wait
 * for the first to commit (PostgreSQL shows it waiting on a lock) rather than decide on what it
 * cannot see yet; then the first commits. Both orders, with both transactions in one process-api
 * instance and in two. Whichever order, the receipt is applied exactly once, and the return goes
 * on to exactly one refund, one credit memo and one RMA, counted at the sandbox.
 */
class EarlyReceiptRaceIntegrationTests {

	static final Deployment RACES = new Deployment("process_races", "process-api-races", "RR-", Map.of());

	static ConfigurableApplicationContext first;

	static ConfigurableApplicationContext second;

	private static final Queue<ReturnableLine> lines = new ArrayDeque<>();

	enum Order {

		/** The RMA is being recorded when the receipt arrives. */
		AUTHORIZATION_FIRST,
		/** The receipt is being kept when the RMA is recorded. */
		RECEIPT_FIRST

	}

	@BeforeAll
	static void startTwoInstances() {
		first = ProcessApiInstances.start("races-1", RACES);
		second = ProcessApiInstances.start("races-2", RACES);
	}

	@AfterAll
	static void stopThem() {
		if (second != null) {
			second.close();
		}
		if (first != null) {
			first.close();
		}
	}

	/** Each order on one and two instances; {@code -Dretailhub.race.repetitions=50} runs every case 50 times. */
	static Stream<Arguments> interleavings() {
		int repetitions = Integer.getInteger("retailhub.race.repetitions", 1);
		return IntStream.rangeClosed(1, repetitions)
			.boxed()
			.flatMap(run -> Stream.of(Order.values())
				.flatMap(order -> Stream.of(1, 2).map(instances -> Arguments.of(order, instances, run))));
	}

	@ParameterizedTest(name = "{0}, {1} instance(s), run {2}")
	@MethodSource("interleavings")
	void theLaterTransactionWaitsForTheEarlierAndTheReceiptIsAppliedOnce(Order order, int instances, int run)
			throws Exception {
		// given a judged return whose RMA ERP has just created, and the warehouse's receipt for that RMA
		ConfigurableApplicationContext authorizing = first;
		ConfigurableApplicationContext receiving = instances == 1 ? first : second;
		ReturnableLine line = nextLine();
		JudgedReturn judged = JudgedReturn.store(first.getBean(ReturnCaseRepository.class), transactions(first),
				line.order(), line.line(), RACES.numberPrefix());
		ReturnAuthorizationId rma = judged.createRma(first.getBean(SystemApiClient.class));
		ReturnReceived receipt = judged.receipt(rma, "RCPT-" + rma);
		int refundsBefore = HubSandbox.refundsAtPayment(judged.order().paymentIntentId());
		AtomicReference<ReceiptOutcome> receiptOutcome = new AtomicReference<>();
		ReturnManagement authorizer = authorizing.getBean(ReturnManagement.class);
		ReturnManagement receiver = receiving.getBean(ReturnManagement.class);
		String eventId = UUID.randomUUID().toString();

		// when the first is done but not committed (held in a transaction of the drill's), and the
		// second starts as it would in production: the receipt through the listener's entry point
		// (which runs again on a lost optimistic lock: the case opened by the authorization's step
		// may change the return at the same moment), the authorization in a transaction as a step's
		// completion does
		boolean authorizationFirst = order == Order.AUTHORIZATION_FIRST;
		HeldTransaction held = authorizationFirst
				? HeldTransaction.begin(transactions(authorizing), () -> authorizer.authorized(judged.id(), rma),
						"race-authorization")
				: HeldTransaction.begin(transactions(receiving),
						() -> receiptOutcome.set(receiver.receiveNow(receipt, eventId, receipt.aggregate(), 1L)),
						"race-receipt");
		CompletableFuture<Void> second = authorizationFirst
				? CompletableFuture
					.runAsync(() -> receiptOutcome.set(receiver.receive(receipt, eventId, receipt.aggregate(), 1L)))
				: CompletableFuture.runAsync(() -> transactions(authorizing)
					.executeWithoutResult(s -> authorizer.authorized(judged.id(), rma)));

		// then the second waits for the first instead of deciding without it
		await().atMost(Duration.ofSeconds(30)).until(() -> second.isDone() || waitingOnALock() > 0);
		assertThat(second).as("the %s transaction decided while the %s one was still uncommitted",
				authorizationFirst ? "receipt" : "authorization", authorizationFirst ? "authorization" : "receipt")
			.isNotDone();
		held.commit();
		second.get(30, TimeUnit.SECONDS);

		// and the receipt is applied, once: directly, or kept and applied by the authorization
		assertThat(receiptOutcome.get())
			.isEqualTo(authorizationFirst ? ReceiptOutcome.APPLIED : ReceiptOutcome.KEPT_FOR_LATER);
		ReturnCase ret = first.getBean(ReturnCaseRepository.class).findById(judged.id()).orElseThrow();
		assertThat(ret.lines().get(0).quantityReceived()).isEqualTo(1);
		assertThat(ret.status()).isNotIn(ReturnStatus.AUTHORIZED, ReturnStatus.REQUESTED, ReturnStatus.REQUIRES_ACTION);
		assertThat(first.getBean(EarlyReceiptRepository.class).findById(rma.value())).isEmpty();
		assertThat(first.getBean(WorkflowSteps.class).timeline(judged.id()))
			.filteredOn(entry -> entry.kind().equals("return.received"))
			.hasSize(1);

		// and the return goes all the way, with one of each effect at the backends
		ProcessApi api = new ProcessApi(ProcessApiInstances.port(first));
		await().atMost(Duration.ofSeconds(60))
			.until(() -> api.returnOf(judged.id()).path("status").asString(), "CLOSED"::equals);
		ReturnEffects.of(api, judged.id().toString(), judged.order().paymentIntentId()).assertExactlyOnce(refundsBefore);
	}

	/** One line of an order no other test took; the lines of each order are used one after the other. */
	private static synchronized ReturnableLine nextLine() {
		if (lines.isEmpty()) {
			DemoOrder order = DemoOrders.freshDelivered();
			order.lines().forEach(line -> lines.add(new ReturnableLine(order, line)));
		}
		return lines.poll();
	}

	private record ReturnableLine(DemoOrder order, DemoOrderLine line) {
	}

	/** Sessions of the drill's database blocked on a lock right now. */
	private static long waitingOnALock() {
		return first.getBean(JdbcClient.class)
			.sql("select count(*) from pg_stat_activity where datname = :database and wait_event_type = 'Lock'")
			.param("database", RACES.database())
			.query(Long.class)
			.single();
	}

	private static TransactionTemplate transactions(ConfigurableApplicationContext instance) {
		return new TransactionTemplate(instance.getBean(PlatformTransactionManager.class));
	}
}
