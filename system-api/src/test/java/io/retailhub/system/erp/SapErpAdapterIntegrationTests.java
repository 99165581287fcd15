package io.retailhub.system.erp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

import java.util.Comparator;
import java.util.List;

import io.retailhub.contracts.CustomerId;
import io.retailhub.contracts.Money;
import io.retailhub.contracts.Order;
import io.retailhub.contracts.OrderId;
import io.retailhub.contracts.OrderLine;
import io.retailhub.contracts.OrderStatus;
import io.retailhub.contracts.ReturnAuthorization;
import io.retailhub.contracts.ReturnAuthorizationStatus;
import io.retailhub.contracts.ReturnLine;
import io.retailhub.contracts.ReturnReason;
import io.retailhub.contracts.SalesChannel;
import io.retailhub.contracts.Sku;
import io.retailhub.contracts.commands.CreateReturnAuthorization;
import io.retailhub.contracts.commands.ReturnLineRequest;
import io.retailhub.sandbox.backends.SandboxCredentials;
import io.retailhub.sandbox.backends.data.DemoData;
import io.retailhub.sandbox.backends.data.DemoOrder;
import io.retailhub.sandbox.backends.data.DemoOrderLine;
import io.retailhub.sandbox.backends.data.DemoReturn;
import io.retailhub.sandbox.backends.erp.CsrfSessions;
import io.retailhub.sandbox.backends.erp.ErpEffects;
import io.retailhub.sandbox.backends.faults.Backend;
import io.retailhub.system.backend.BackendRejectedException;
import io.retailhub.system.backend.BackendUnavailableException;
import io.retailhub.system.backend.ResourceNotFoundException;
import io.retailhub.system.support.Sandbox;
import io.retailhub.system.support.SystemApiIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/** The ERP adapter over real HTTP against the simulated SAP S/4HANA Cloud. */
@SystemApiIntegrationTest
class SapErpAdapterIntegrationTests {

	@Autowired
	SapErpAdapter erp;

	final DemoData data = Sandbox.data();

	final ErpEffects effects = Sandbox.bean(ErpEffects.class);

	@Test
	void mapsEveryFieldOfASeededOrderAndItsLines() {
		DemoOrder demo = data.order(DemoData.Showcase.DELIVERED_ORDER);

		Order order = erp.findOrder(OrderId.of(demo.orderNumber())).orElseThrow();

		assertThat(order.id()).isEqualTo(OrderId.of(demo.orderNumber()));
		assertThat(order.customerId()).isEqualTo(CustomerId.of(demo.customerNumber()));
		assertThat(order.channel()).isEqualTo(SalesChannel.WEB);
		assertThat(order.status()).isEqualTo(OrderStatus.SHIPPED);
		assertThat(order.placedAt()).isEqualTo(demo.placedAt());
		assertThat(order.total()).isEqualTo(Money.of(demo.total(), demo.currency()));
		assertThat(order.shipments()).isEmpty();
		assertThat(order.payment()).isNull();
		assertThat(order.lines()).hasSameSizeAs(demo.lines());
		for (int i = 0; i < demo.lines().size(); i++) {
			DemoOrderLine expected = demo.lines().get(i);
			OrderLine line = order.lines().get(i);
			assertThat(line.lineNumber()).isEqualTo(expected.itemNumber());
			assertThat(line.sku()).isEqualTo(Sku.of(expected.sku()));
			assertThat(line.description()).isEqualTo(expected.description());
			assertThat(line.quantity()).isEqualTo(expected.quantity());
			assertThat(line.unitPrice()).isEqualTo(Money.of(expected.unitPrice(), demo.currency()));
			assertThat(line.netAmount()).isEqualTo(Money.of(expected.netAmount(), demo.currency()));
		}
		assertThat(demo.lines()).anySatisfy(l -> assertThat(l.discount()).isPositive());
	}

	@Test
	void mapsChannelCurrencyAndShippingStateOfOtherOrders() {
		DemoOrder store = data.order(DemoData.Showcase.PARTLY_RETURNED_ORDER);

		Order storeOrder = erp.findOrder(OrderId.of(store.orderNumber())).orElseThrow();
		Order open = erp.findOrder(OrderId.of(DemoData.Showcase.OPEN_ORDER)).orElseThrow();

		assertThat(storeOrder.channel()).isEqualTo(SalesChannel.STORE);
		assertThat(storeOrder.total()).isEqualTo(Money.of(store.total(), "EUR"));
		assertThat(erp.findOrder(OrderId.of(DemoData.Showcase.FINAL_SALE_ORDER)).orElseThrow().channel())
			.isEqualTo(SalesChannel.MARKETPLACE);
		assertThat(open.status()).isEqualTo(OrderStatus.OPEN);
	}

	@Test
	void answersNothingForAnOrderErpDoesNotKnow() {
		assertThat(erp.findOrder(OrderId.of("WEB-999999"))).isEmpty();
	}

	@Test
	void listsACustomersOrdersNewestFirstUpToTheLimit() {
		List<String> expected = data.orders()
			.stream()
			.filter(o -> o.customerNumber().equals(DemoData.Showcase.CUSTOMER))
			.sorted(Comparator.comparing(DemoOrder::placedAt).reversed())
			.limit(3)
			.map(DemoOrder::orderNumber)
			.toList();

		List<Order> orders = erp.findOrdersOfCustomer(CustomerId.of(DemoData.Showcase.CUSTOMER), 3);

		assertThat(orders).extracting(o -> o.id().value()).containsExactlyElementsOf(expected);
		assertThat(orders).allSatisfy(o -> assertThat(o.lines()).isNotEmpty());
	}

	@Test
	void sumsAvailableToPromiseOverThePlants() {
		assertThat(erp.availableToPromise(Sku.of(DemoData.Showcase.SKU))).isPositive();
	}

	@Test
	void treatsAMaterialNoPlantKnowsAsUnknown() {
		assertThatExceptionOfType(ResourceNotFoundException.class)
			.isThrownBy(() -> erp.availableToPromise(Sku.of("MAT-0000")));
	}

	@Test
	void createsAReturnThroughTheCsrfHandshake() {
		DemoOrder order = ErpTestOrders.untouchedDeliveredOrder(1);
		String reference = ErpTestOrders.reference("RA-ADAPTER");
		long before = effects.count(ErpEffects.CUSTOMER_RETURNS_CREATED);

		ReturnAuthorization created = erp.createReturnAuthorization(new CreateReturnAuthorization(reference,
				OrderId.of(order.orderNumber()), List.of(new ReturnLineRequest("10", 1, ReturnReason.SIZE_TOO_SMALL))));

		assertThat(effects.count(ErpEffects.CUSTOMER_RETURNS_CREATED)).isEqualTo(before + 1);
		assertThat(created.id().value()).matches("6\\d{7}");
		assertThat(created.orderId()).isEqualTo(OrderId.of(order.orderNumber()));
		assertThat(created.customerId()).isEqualTo(CustomerId.of(order.customerNumber()));
		assertThat(created.externalReference()).isEqualTo(reference);
		assertThat(created.status()).isEqualTo(ReturnAuthorizationStatus.OPEN);
		assertThat(created.lines()).containsExactly(
				new ReturnLine("10", Sku.of(order.lines().get(0).sku()), 1, ReturnReason.SIZE_TOO_SMALL));
		DemoOrderLine line = order.lines().get(0);
		assertThat(created.netAmount()).isEqualTo(Money.of(line.netAmount(), order.currency()).share(1, line.quantity()));
		assertThat(erp.findReturnAuthorization(created.id())).contains(created);
		assertThat(erp.findReturnAuthorizationByReference(reference)).contains(created);
	}

	@Test
	void fillsTheOrderReasonFromItsOwnCodeListAndEachItemsReturnReasonFromTheirs() {
		// given two orders, the second with two units of line 10
		DemoOrder first = ErpTestOrders.untouchedDeliveredOrder(1);
		DemoOrder second = ErpTestOrders.untouchedDeliveredOrder(2);

		// when one return is for damage, the other for damage and a change of mind
		ReturnAuthorization damaged = erp.createReturnAuthorization(new CreateReturnAuthorization(
				ErpTestOrders.reference("RA-DAMAGED"), OrderId.of(first.orderNumber()),
				List.of(new ReturnLineRequest("10", 1, ReturnReason.DAMAGED))));
		ReturnAuthorization mixed = erp.createReturnAuthorization(new CreateReturnAuthorization(
				ErpTestOrders.reference("RA-MIXED"), OrderId.of(second.orderNumber()),
				List.of(new ReturnLineRequest("10", 1, ReturnReason.DAMAGED),
						new ReturnLineRequest("10", 1, ReturnReason.UNWANTED))));

		// then the headers carry order reasons (damaged in transit; other), the items return reasons
		JsonNode damagedAtErp = ErpDocuments.customerReturn(damaged.id().value());
		JsonNode mixedAtErp = ErpDocuments.customerReturn(mixed.id().value());
		assertThat(damagedAtErp.path("SDDocumentReason").asString()).isEqualTo("001");
		assertThat(damagedAtErp.path("to_Item").path("results").findValuesAsString("ReturnReason"))
			.containsExactly("102");
		assertThat(mixedAtErp.path("SDDocumentReason").asString()).isEqualTo("099");
		assertThat(mixedAtErp.path("to_Item").path("results").findValuesAsString("ReturnReason"))
			.containsExactly("102", "109");
		assertThat(mixed.lines()).extracting(ReturnLine::reason)
			.containsExactly(ReturnReason.DAMAGED, ReturnReason.UNWANTED);
	}

	@Test
	void refusesAWriteThatCarriesNoCsrfToken() {
		DemoOrder order = ErpTestOrders.untouchedDeliveredOrder(1);
		SandboxCredentials credentials = Sandbox.bean(SandboxCredentials.class);
		long before = effects.count(ErpEffects.CUSTOMER_RETURNS_CREATED);

		ResponseEntity<String> refused = RestClient.create(Sandbox.baseUrl(Backend.ERP))
			.post()
			.uri("/sap/opu/odata/sap/API_CUSTOMER_RETURN_SRV/A_CustomerReturn")
			.headers(h -> h.setBasicAuth(credentials.erpUsername(), credentials.erpPassword()))
			.contentType(MediaType.APPLICATION_JSON)
			.body("""
					{"CustomerReturnType":"CBRE","SoldToParty":"%s","ReferenceSDDocument":"%s",
					 "to_Item":{"results":[{"RequestedQuantity":"1","ReferenceSDDocumentItem":"10","ReturnReason":"109"}]}}"""
				.formatted(order.customerNumber(), order.salesOrder()))
			.retrieve()
			.onStatus(s -> true, (request, response) -> {
			})
			.toEntity(String.class);

		assertThat(refused.getStatusCode().value()).isEqualTo(403);
		assertThat(refused.getHeaders().getFirst("x-csrf-token")).isEqualTo("Required");
		assertThat(refused.getBody()).isEqualTo("CSRF token validation failed");
		assertThat(effects.count(ErpEffects.CUSTOMER_RETURNS_CREATED)).isEqualTo(before);
	}

	@Test
	void fetchesANewCsrfTokenOnceWhenTheSessionExpired() {
		DemoOrder first = ErpTestOrders.untouchedDeliveredOrder(1);
		DemoOrder second = ErpTestOrders.untouchedDeliveredOrder(1);
		erp.createReturnAuthorization(returnOf(first, ErpTestOrders.reference("RA-SESSION-1"), 1));
		Sandbox.bean(CsrfSessions.class).expireAll();
		long tokens = effects.count(ErpEffects.CSRF_TOKENS_ISSUED);
		long returns = effects.count(ErpEffects.CUSTOMER_RETURNS_CREATED);

		ReturnAuthorization created = erp
			.createReturnAuthorization(returnOf(second, ErpTestOrders.reference("RA-SESSION-2"), 1));

		assertThat(created.orderId()).isEqualTo(OrderId.of(second.orderNumber()));
		assertThat(effects.count(ErpEffects.CSRF_TOKENS_ISSUED)).isEqualTo(tokens + 1);
		assertThat(effects.count(ErpEffects.CUSTOMER_RETURNS_CREATED)).isEqualTo(returns + 1);
	}

	@Test
	void answersTheExistingReturnForARepeatedReferenceWithoutCreatingAnother() {
		DemoOrder order = ErpTestOrders.untouchedDeliveredOrder(1);
		CreateReturnAuthorization command = returnOf(order, ErpTestOrders.reference("RA-TWICE"), 1);
		long before = effects.count(ErpEffects.CUSTOMER_RETURNS_CREATED);

		ReturnAuthorization first = erp.createReturnAuthorization(command);
		ReturnAuthorization second = erp.createReturnAuthorization(command);

		assertThat(second).isEqualTo(first);
		assertThat(effects.count(ErpEffects.CUSTOMER_RETURNS_CREATED)).isEqualTo(before + 1);
	}

	@Test
	void refusesAReferenceAlreadyUsedForAnotherOrdersReturn() {
		String reference = ErpTestOrders.reference("RA-REUSED");
		erp.createReturnAuthorization(returnOf(ErpTestOrders.untouchedDeliveredOrder(1), reference, 1));
		DemoOrder other = ErpTestOrders.untouchedDeliveredOrder(1);

		assertThatExceptionOfType(BackendRejectedException.class)
			.isThrownBy(() -> erp.createReturnAuthorization(returnOf(other, reference, 1)))
			.satisfies(ex -> assertThat(ex.status()).isEqualTo(409));
	}

	@Test
	void passesErpsRefusalOfAnOverQuantityReturnOnWithItsCode() {
		DemoOrder order = ErpTestOrders.untouchedDeliveredOrder(1);
		int ordered = order.lines().get(0).quantity();
		long before = effects.count(ErpEffects.CUSTOMER_RETURNS_CREATED);

		assertThatExceptionOfType(BackendRejectedException.class)
			.isThrownBy(() -> erp.createReturnAuthorization(
					returnOf(order, ErpTestOrders.reference("RA-TOO-MANY"), ordered + 1)))
			.satisfies(ex -> {
				assertThat(ex.status()).isEqualTo(400);
				assertThat(ex.code()).isEqualTo("MSR_RETURNS/021");
				assertThat(ex.getMessage()).contains("exceeds the returnable quantity");
			});
		assertThat(effects.count(ErpEffects.CUSTOMER_RETURNS_CREATED)).isEqualTo(before);
	}

	@Test
	void listsAnOrdersReturnsIncludingTheLegacyOnes() {
		DemoOrder order = data.order(DemoData.Showcase.PARTLY_RETURNED_ORDER);
		DemoReturn legacy = order.returns().get(0);

		List<ReturnAuthorization> returns = erp.findReturnAuthorizationsOfOrder(OrderId.of(order.orderNumber()));

		assertThat(returns).anySatisfy(r -> {
			assertThat(r.externalReference()).isEqualTo(legacy.reference());
			assertThat(r.orderId()).isEqualTo(OrderId.of(order.orderNumber()));
			assertThat(r.status()).isEqualTo(ReturnAuthorizationStatus.COMPLETED);
			assertThat(r.createdAt()).isEqualTo(legacy.returnedAt());
			assertThat(r.netAmount()).isEqualTo(Money.of(legacy.refundAmount(), order.currency()));
			assertThat(r.lines()).extracting(ReturnLine::lineNumber, ReturnLine::quantity)
				.containsExactly(tuple("10", 1));
		});
		assertThatExceptionOfType(ResourceNotFoundException.class)
			.isThrownBy(() -> erp.findReturnAuthorizationsOfOrder(OrderId.of("WEB-999999")));
	}

	@Test
	void createsNothingAndReportsErpUnavailableDuringAnOutage() {
		DemoOrder order = ErpTestOrders.untouchedDeliveredOrder(1);
		long before = effects.count(ErpEffects.CUSTOMER_RETURNS_CREATED);
		Sandbox.outage(Backend.ERP);

		assertThatExceptionOfType(BackendUnavailableException.class).isThrownBy(
				() -> erp.createReturnAuthorization(returnOf(order, ErpTestOrders.reference("RA-OUTAGE"), 1)));
		assertThat(effects.count(ErpEffects.CUSTOMER_RETURNS_CREATED)).isEqualTo(before);
	}

	private static CreateReturnAuthorization returnOf(DemoOrder order, String reference, int quantity) {
		return new CreateReturnAuthorization(reference, OrderId.of(order.orderNumber()),
				List.of(new ReturnLineRequest("10", quantity, ReturnReason.DEFECTIVE)));
	}
}
