package io.retailhub.system.erp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

import io.retailhub.contracts.OrderId;
import io.retailhub.contracts.ReturnAuthorization;
import io.retailhub.contracts.ReturnReason;
import io.retailhub.contracts.commands.CreateReturnAuthorization;
import io.retailhub.contracts.commands.ReturnLineRequest;
import io.retailhub.sandbox.backends.data.DemoOrder;
import io.retailhub.sandbox.backends.erp.ErpEffects;
import io.retailhub.sandbox.backends.faults.Backend;
import io.retailhub.sandbox.backends.faults.RequestCounts;
import io.retailhub.system.backend.CreateOutcome;
import io.retailhub.system.backend.ResourceNotFoundException;
import io.retailhub.system.support.Sandbox;
import io.retailhub.system.support.SystemApiIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The ERP adapter remembers which sales order carries which hub order number, and skips the reads
 * that only translate one into the other; nothing else changes. Each test starts from an adapter
 * that has read nothing yet (the application's own one has read the orders of other tests).
 */
@SystemApiIntegrationTest
class SapErpRememberedOrderNumbersIntegrationTests {

	@Autowired
	ApplicationContext context;

	final RequestCounts requests = Sandbox.bean(RequestCounts.class);

	final ErpEffects effects = Sandbox.bean(ErpEffects.class);

	SapErpAdapter erp;

	@BeforeEach
	void freshAdapter() {
		erp = ErpTestAdapters.fresh(context);
	}

	/** The order's invoices and its returns are read every time: both can change; only the number is remembered. */
	@Test
	void looksAnOrderNumberUpOnceAndThenAnswersTheOrdersReturnsWithTwoReads() {
		OrderId order = OrderId.of(ErpTestOrders.untouchedDeliveredOrder(1).orderNumber());

		Counted<List<ReturnAuthorization>> first = counted(() -> erp.findReturnAuthorizationsOfOrder(order));
		Counted<List<ReturnAuthorization>> second = counted(() -> erp.findReturnAuthorizationsOfOrder(order));

		assertThat(first.gets()).isEqualTo(3);
		assertThat(second.gets()).isEqualTo(2);
		assertThat(second.value()).isEqualTo(first.value());
	}

	@Test
	void asksErpEveryTimeForAnOrderItDoesNotKnow() {
		OrderId unknown = OrderId.of("WEB-999999");

		for (int attempt = 0; attempt < 2; attempt++) {
			long before = gets();
			assertThatExceptionOfType(ResourceNotFoundException.class)
				.isThrownBy(() -> erp.findReturnAuthorizationsOfOrder(unknown));
			assertThat(gets() - before).isEqualTo(1);
		}
	}

	@Test
	void readsADocumentsOrderNumberFromMemoryOnceItReadTheOrder() {
		DemoOrder order = ErpTestOrders.untouchedDeliveredOrder(1);
		ReturnAuthorization created = erp
			.createReturnAuthorization(returnOf(order, ErpTestOrders.reference("RA-KNOWN"), 1));

		Counted<ReturnAuthorization> known = counted(
				() -> erp.findReturnAuthorization(created.id()).orElseThrow());
		Counted<ReturnAuthorization> unknown = counted(
				() -> ErpTestAdapters.fresh(context).findReturnAuthorization(created.id())
					.orElseThrow());

		assertThat(known.gets()).isEqualTo(1);
		assertThat(unknown.gets()).isEqualTo(2);
		assertThat(known.value()).isEqualTo(created).isEqualTo(unknown.value());
		assertThat(known.value().orderId()).isEqualTo(OrderId.of(order.orderNumber()));
	}

	@Test
	void answersARepeatedCreateWithTheFirstDocumentReadingOnlyTheReference() {
		DemoOrder order = ErpTestOrders.untouchedDeliveredOrder(1);
		CreateReturnAuthorization command = returnOf(order, ErpTestOrders.reference("RA-REPEAT"), 1);
		CreateOutcome<ReturnAuthorization> first = erp.createOrFindReturnAuthorization(command);
		long returns = effects.count(ErpEffects.CUSTOMER_RETURNS_CREATED);

		Counted<CreateOutcome<ReturnAuthorization>> repeat = counted(() -> erp.createOrFindReturnAuthorization(command));

		assertThat(first.created()).isTrue();
		assertThat(repeat.value().created()).isFalse();
		assertThat(repeat.value().value()).isEqualTo(first.value());
		assertThat(repeat.gets()).isEqualTo(1);
		assertThat(effects.count(ErpEffects.CUSTOMER_RETURNS_CREATED)).isEqualTo(returns);
	}

	@Test
	void ofTwoFirstRequestsRacingOneCreatesAndTheOtherAnswersItsDocument() {
		DemoOrder order = ErpTestOrders.untouchedDeliveredOrder(1);
		CreateReturnAuthorization command = returnOf(order, ErpTestOrders.reference("RA-RACE"), 1);
		long returns = effects.count(ErpEffects.CUSTOMER_RETURNS_CREATED);
		CountDownLatch start = new CountDownLatch(1);

		List<CreateOutcome<ReturnAuthorization>> outcomes;
		ExecutorService racers = Executors.newFixedThreadPool(2);
		try {
			List<CompletableFuture<CreateOutcome<ReturnAuthorization>>> racing = List.of(
					CompletableFuture.supplyAsync(() -> await(start, () -> erp.createOrFindReturnAuthorization(command)),
							racers),
					CompletableFuture.supplyAsync(() -> await(start, () -> erp.createOrFindReturnAuthorization(command)),
							racers));
			start.countDown();
			outcomes = racing.stream().map(CompletableFuture::join).toList();
		}
		finally {
			racers.shutdown();
		}

		assertThat(outcomes).extracting(CreateOutcome::created).containsExactlyInAnyOrder(true, false);
		assertThat(outcomes.get(0).value()).isEqualTo(outcomes.get(1).value());
		assertThat(effects.count(ErpEffects.CUSTOMER_RETURNS_CREATED)).isEqualTo(returns + 1);
	}

	private record Counted<T>(T value, long gets) {
	}

	private <T> Counted<T> counted(Supplier<T> call) {
		long before = gets();
		T value = call.get();
		return new Counted<>(value, gets() - before);
	}

	private long gets() {
		return requests.count(Backend.ERP, "GET");
	}

	private static <T> T await(CountDownLatch start, Supplier<T> call) {
		try {
			start.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		return call.get();
	}

	private static CreateReturnAuthorization returnOf(DemoOrder order, String reference, int quantity) {
		return new CreateReturnAuthorization(reference, OrderId.of(order.orderNumber()),
				List.of(new ReturnLineRequest(order.lines().get(0).itemNumber(), quantity, ReturnReason.DAMAGED)));
	}
}
