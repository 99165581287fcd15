package io.retailhub.sandbox.backends.erp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.retailhub.sandbox.backends.data.DemoData;
import io.retailhub.sandbox.backends.data.DemoOrder;
import io.retailhub.sandbox.backends.state.SandboxState;
import tools.jackson.databind.json.JsonMapper;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The indexed path of the simulated ERP answers exactly what a scan of every document answers:
 * same entities, same order, same count, for eq filters alone and combined, with ordering and
 * paging, without matches, and for documents created after the indexes were built.
 */
class IndexedODataQueryTests {

	static final DemoData DATA = DemoData.generate(DemoData.DEFAULT_SEED, Instant.parse("2026-11-27T00:00:00Z"), 60,
			400);

	static final JsonMapper JSON = JsonMapper.builder().build();

	SalesOrders salesOrders = new SalesOrders(DATA);

	BillingDocuments invoices = new BillingDocuments(DATA, salesOrders);

	CustomerReturns returns = new CustomerReturns(DATA, salesOrders, invoices, Clock.systemUTC(),
			SandboxState.inMemory());

	CreditMemoRequests credits = new CreditMemoRequests(DATA, salesOrders, invoices, Clock.systemUTC(),
			SandboxState.inMemory());

	SalesOrderService salesOrderService = new SalesOrderService(salesOrders);

	CustomerReturnService returnService = new CustomerReturnService(returns);

	CreditMemoRequestService creditService = new CreditMemoRequestService(credits);

	/** Orders without legacy returns and with a line of two pieces or more: room for two returns. */
	List<SalesOrder> roomy;

	@BeforeEach
	void twoReturnsAndCreditMemosOnEachOfThreeOrdersOneReferenceShared() {
		roomy = DATA.orders()
			.stream()
			.filter(o -> o.returns().isEmpty() && o.lines().stream().anyMatch(l -> l.quantity() >= 2))
			.limit(3)
			.map(o -> salesOrders.find(o.salesOrder()).orElseThrow())
			.toList();
		assertThat(roomy).hasSize(3);
		for (SalesOrder order : roomy) {
			createReturnAndCreditMemo(order, "RMA-" + order.salesOrder());
			createReturnAndCreditMemo(order, "RMA-SHARED");
		}
	}

	@Test
	void answersSalesOrderQueriesAsAFullScanDoes() {
		DemoOrder order = DATA.order(DemoData.Showcase.DELIVERED_ORDER);
		String soldTo = customerWithSeveralOrders();
		String other = DATA.orders().stream().map(DemoOrder::customerNumber).filter(c -> !c.equals(soldTo)).findFirst()
			.orElseThrow();
		String byCustomer = "SalesOrderDate desc,LastChangeDateTime desc";
		int ofSoldTo = ordersOf(soldTo);
		int ofOther = ordersOf(other);

		assertSameAsScan(salesOrderService, "A_SalesOrder", 1, "PurchaseOrderByCustomer eq '" + order.orderNumber() + "'");
		assertSameAsScan(salesOrderService, "A_SalesOrder", 1, "SalesOrder eq '" + order.salesOrder() + "'");
		assertSameAsScan(salesOrderService, "A_SalesOrder", 3, "SoldToParty eq '" + soldTo + "'", byCustomer, "3", null);
		assertSameAsScan(salesOrderService, "A_SalesOrder", 2, "SoldToParty eq '" + soldTo + "'", byCustomer, "2", "1");
		assertSameAsScan(salesOrderService, "A_SalesOrder", ofSoldTo, "SoldToParty eq '" + soldTo + "'",
				"TotalNetAmount", null, null);
		assertSameAsScan(salesOrderService, "A_SalesOrder", 0, "SoldToParty eq '" + soldTo + "'", null, null, "99");
		assertSameAsScan(salesOrderService, "A_SalesOrder", 1,
				"SoldToParty eq '" + order.customerNumber() + "' and PurchaseOrderByCustomer eq '" + order.orderNumber()
						+ "'");
		assertSameAsScan(salesOrderService, "A_SalesOrder", ofSoldTo,
				"SoldToParty eq '" + soldTo + "' and TotalNetAmount gt 0M and not OverallSDProcessStatus eq 'X'");
		assertSameAsScan(salesOrderService, "A_SalesOrder", ofSoldTo + ofOther,
				"SoldToParty eq '" + soldTo + "' or SoldToParty eq '" + other + "'", "TotalNetAmount desc", null, null);
		assertSameAsScan(salesOrderService, "A_SalesOrder", 2, "(PurchaseOrderByCustomer eq '" + order.orderNumber()
				+ "' or PurchaseOrderByCustomer eq 'WEB-100002') and SoldToParty ne 'nobody'");
		assertSameAsScan(salesOrderService, "A_SalesOrder", 4,
				"SoldToParty eq '" + soldTo + "' or TotalNetAmount gt 0M", null, "4", null);
		assertSameAsScan(salesOrderService, "A_SalesOrder", 5, "not PurchaseOrderByCustomer eq '" + order.orderNumber()
				+ "'", "PurchaseOrderByCustomer desc", "5", "3");
		assertSameAsScan(salesOrderService, "A_SalesOrder", 0, "PurchaseOrderByCustomer eq 'WEB-999999'");
		assertSameAsScan(salesOrderService, "A_SalesOrder", 0,
				"SoldToParty eq '" + soldTo + "' and SoldToParty eq '" + other + "'");
		assertSameAsScan(salesOrderService, "A_SalesOrder", 0, "PurchaseOrderByCustomer eq null");
	}

	@Test
	void answersSalesOrderItemAndPricingElementQueriesAsAFullScanDoes() {
		DemoOrder order = DATA.order(DemoData.Showcase.SPLIT_SHIPMENT_ORDER);
		String material = order.lines().get(0).sku();

		assertSameAsScan(salesOrderService, "A_SalesOrderItem", order.lines().size(),
				"SalesOrder eq '" + order.salesOrder() + "'");
		assertSameAsScan(salesOrderService, "A_SalesOrderItem", 1,
				"PurchaseOrderByCustomer eq '" + order.orderNumber() + "' and Material eq '" + material + "'");
		assertSameAsScan(salesOrderService, "A_SalesOrderItem", 1, "SalesOrder eq '" + order.salesOrder() + "'",
				"NetAmount desc", "1", null);
		assertSameAsScan(salesOrderService, "A_SalesOrderItemPrElement", order.lines().size(),
				"SalesOrder eq '" + order.salesOrder() + "' and ConditionType eq 'PPR0'");
	}

	@Test
	void answersCustomerReturnQueriesAsAFullScanDoes() {
		SalesOrder first = roomy.get(0);
		SalesOrder second = roomy.get(1);
		// entered against the invoice, as the legacy returns of the demo data are
		String legacyInvoice = DATA.order(DemoData.Showcase.PARTLY_RETURNED_ORDER).invoiceOf("10").orElseThrow()
			.billingDocument();
		String number = returns.withPurchaseOrderByCustomer("RMA-" + first.salesOrder()).get(0).number();

		assertSameAsScan(returnService, "A_CustomerReturn", 2, "ReferenceSDDocument eq '" + first.salesOrder() + "'");
		assertSameAsScan(returnService, "A_CustomerReturn", 1, "ReferenceSDDocument eq '" + legacyInvoice + "'");
		assertSameAsScan(returnService, "A_CustomerReturn", 3, "PurchaseOrderByCustomer eq 'RMA-SHARED'");
		assertSameAsScan(returnService, "A_CustomerReturn", 2, "PurchaseOrderByCustomer eq 'RMA-SHARED'",
				"CustomerReturn desc", "2", null);
		assertSameAsScan(returnService, "A_CustomerReturn", 1, "CustomerReturn eq '" + number + "'");
		assertSameAsScan(returnService, "A_CustomerReturn", 1, "PurchaseOrderByCustomer eq 'RMA-SHARED' and "
				+ "ReferenceSDDocument eq '" + second.salesOrder() + "' and RetsMgmtProcessingStatus eq 'A'");
		assertSameAsScan(returnService, "A_CustomerReturn", 3, "ReferenceSDDocument eq '" + first.salesOrder()
				+ "' or ReferenceSDDocument eq '" + legacyInvoice + "'", "CustomerReturn desc", null, null);
		assertSameAsScan(returnService, "A_CustomerReturn", 1, "ReferenceSDDocument eq '" + first.salesOrder()
				+ "' and not PurchaseOrderByCustomer eq 'RMA-SHARED'");
		assertSameAsScan(returnService, "A_CustomerReturn", 6, "RetsMgmtProcessingStatus eq 'A'");
		assertSameAsScan(returnService, "A_CustomerReturn", 0, "PurchaseOrderByCustomer eq 'RMA-NONE'");
		assertSameAsScan(returnService, "A_CustomerReturnItem", 2,
				"ReferenceSDDocument eq '" + first.salesOrder() + "' and ReturnReason eq '101'");
		assertSameAsScan(returnService, "A_CustomerReturnItem", 1, "CustomerReturn eq '" + number + "'");
	}

	@Test
	void answersCreditMemoRequestQueriesAsAFullScanDoes() {
		SalesOrder first = roomy.get(0);
		String number = credits.withPurchaseOrderByCustomer("RMA-" + first.salesOrder()).get(0).number();

		assertSameAsScan(creditService, "A_CreditMemoRequest", 3, "PurchaseOrderByCustomer eq 'RMA-SHARED'",
				null, null, null);
		assertSameAsScan(creditService, "A_CreditMemoRequest", 1, "PurchaseOrderByCustomer eq 'RMA-SHARED'",
				"TotalNetAmount desc,CreditMemoRequest", "1", "1");
		assertSameAsScan(creditService, "A_CreditMemoRequest", 2, "ReferenceSDDocument eq '" + first.salesOrder() + "'");
		assertSameAsScan(creditService, "A_CreditMemoRequest", 1, "CreditMemoRequest eq '" + number + "'");
		assertSameAsScan(creditService, "A_CreditMemoRequest", 0, "PurchaseOrderByCustomer eq 'RMA-SHARED' and "
				+ "OverallSDProcessStatus eq 'C'");
		assertSameAsScan(creditService, "A_CreditMemoRequestItem", 2,
				"ReferenceSDDocument eq '" + first.salesOrder() + "'");
	}

	@Test
	void findsADocumentCreatedAfterTheIndexesWereBuilt() {
		SalesOrder untouched = unreturnedOrders().get(0);
		String filter = "PurchaseOrderByCustomer eq 'RMA-LATE'";
		String ofOrder = "ReferenceSDDocument eq '" + untouched.salesOrder() + "'";
		assertSameAsScan(returnService, "A_CustomerReturn", 0, filter);
		assertSameAsScan(returnService, "A_CustomerReturn", 0, ofOrder);

		String number = createReturnAndCreditMemo(untouched, "RMA-LATE");

		assertSameAsScan(returnService, "A_CustomerReturn", 1, filter);
		assertSameAsScan(creditService, "A_CreditMemoRequest", 1, filter);
		assertSameAsScan(returnService, "A_CustomerReturn", 1, ofOrder);
		assertSameAsScan(creditService, "A_CreditMemoRequest", 1, ofOrder);
		assertThat(returnService.entity("A_CustomerReturnItem", Map.of("CustomerReturn", number,
				"CustomerReturnItem", "10"))).hasValueSatisfying(item -> assertThat(item.value("CustomerReturn"))
					.isEqualTo(number));
	}

	@Test
	void looksUpOnlyTheCandidatesOfAnIndexedEquality() {
		DemoOrder order = DATA.order(DemoData.Showcase.DELIVERED_ORDER);

		assertThat(candidates(salesOrderService, "A_SalesOrder",
				"PurchaseOrderByCustomer eq '" + order.orderNumber() + "' and TotalNetAmount gt 0M")).hasSize(1);
		assertThat(candidates(salesOrderService, "A_SalesOrder",
				"PurchaseOrderByCustomer eq '" + order.orderNumber() + "' or PurchaseOrderByCustomer eq 'WEB-100002'"))
			.hasSize(2);
		assertThat(candidates(returnService, "A_CustomerReturn", "PurchaseOrderByCustomer eq 'RMA-SHARED'")).hasSize(3);
		assertThat(candidates(salesOrderService, "A_SalesOrder",
				"not PurchaseOrderByCustomer eq '" + order.orderNumber() + "'"))
			.hasSize(salesOrderService.entities("A_SalesOrder").size());
	}

	@Test
	void readsEveryEntityByKeyAsAScanFindsIt() {
		for (ODataService service : List.of(salesOrderService, returnService, creditService)) {
			for (Edm.EntityType type : service.model().entityTypes()) {
				List<ODataEntity> all = service.entities(type.entitySet());
				assertThat(all).as(type.entitySet()).isNotEmpty();
				for (ODataEntity entity : all) {
					Map<String, String> key = new LinkedHashMap<>();
					type.keys().forEach(k -> key.put(k.name(), (String) entity.value(k.name())));
					assertThat(service.entity(type.entitySet(), key)).as(type.entitySet() + key).contains(entity);
				}
				Map<String, String> unknown = new LinkedHashMap<>();
				type.keys().forEach(k -> unknown.put(k.name(), "0"));
				assertThat(service.entity(type.entitySet(), unknown)).isEmpty();
			}
		}
	}

	@Test
	void keepsTheIndexesRightWhileReturnsAreCreatedAndReadConcurrently() throws Exception {
		List<SalesOrder> orders = unreturnedOrders().subList(0, 40);
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			List<Future<?>> work = new ArrayList<>();
			for (int writer = 0; writer < 2; writer++) {
				int offset = writer;
				work.add(pool.submit(() -> {
					for (int i = offset; i < orders.size(); i += 2) {
						createReturn(orders.get(i), "RMA-CONCURRENT-" + i);
					}
				}));
			}
			for (int reader = 0; reader < 2; reader++) {
				work.add(pool.submit(() -> {
					for (int round = 0; round < 20; round++) {
						for (int i = 0; i < orders.size(); i++) {
							List<ODataEntity> found = query(returnService, "A_CustomerReturn",
									"PurchaseOrderByCustomer eq 'RMA-CONCURRENT-" + i + "'");
							assertThat(found).hasSizeLessThanOrEqualTo(1);
							for (ODataEntity created : found) {
								assertThat(created.value("ReferenceSDDocument")).isEqualTo(orders.get(i).salesOrder());
							}
						}
					}
				}));
			}
			for (Future<?> future : work) {
				future.get(60, TimeUnit.SECONDS);
			}
		}
		finally {
			pool.shutdownNow();
		}

		for (int i = 0; i < orders.size(); i++) {
			assertSameAsScan(returnService, "A_CustomerReturn", 1, "PurchaseOrderByCustomer eq 'RMA-CONCURRENT-" + i + "'");
			assertSameAsScan(returnService, "A_CustomerReturn", 1,
					"ReferenceSDDocument eq '" + orders.get(i).salesOrder() + "'");
		}
	}

	/** Orders without legacy returns that the set-up did not return either. */
	private List<SalesOrder> unreturnedOrders() {
		return DATA.orders()
			.stream()
			.filter(o -> o.returns().isEmpty())
			.map(o -> salesOrders.find(o.salesOrder()).orElseThrow())
			.filter(o -> !roomy.contains(o))
			.toList();
	}

	private static int ordersOf(String customer) {
		return (int) DATA.orders().stream().filter(o -> o.customerNumber().equals(customer)).count();
	}

	private String customerWithSeveralOrders() {
		Map<String, Long> orders = DATA.orders()
			.stream()
			.collect(Collectors.groupingBy(DemoOrder::customerNumber, Collectors.counting()));
		return orders.entrySet().stream().filter(e -> e.getValue() >= 4).findFirst().orElseThrow().getKey();
	}

	private String createReturnAndCreditMemo(SalesOrder order, String reference) {
		String number = createReturn(order, reference);
		SalesOrderItem item = firstItemOfTwoOrMore(order);
		creditService.create("A_CreditMemoRequest", JSON.readTree("""
				{"CreditMemoRequestType":"GA2","ReferenceSDDocument":"%s","SoldToParty":"%s",
				 "PurchaseOrderByCustomer":"%s","to_Item":[{"ReferenceSDDocumentItem":"%s",
				 "RequestedQuantity":"1"}]}""".formatted(order.salesOrder(), order.soldToParty(),
				reference, item.item())));
		return number;
	}

	private String createReturn(SalesOrder order, String reference) {
		SalesOrderItem item = firstItemOfTwoOrMore(order);
		return (String) returnService.create("A_CustomerReturn", JSON.readTree("""
				{"CustomerReturnType":"CBRE","ReferenceSDDocument":"%s","SoldToParty":"%s",
				 "PurchaseOrderByCustomer":"%s","to_Item":[{"ReferenceSDDocumentItem":"%s",
				 "RequestedQuantity":"1","ReturnReason":"101"}]}""".formatted(order.salesOrder(), order.soldToParty(),
				reference, item.item()))).value("CustomerReturn");
	}

	private static SalesOrderItem firstItemOfTwoOrMore(SalesOrder order) {
		return order.items().stream().filter(i -> i.quantity() >= 2).findFirst().orElse(order.items().get(0));
	}

	private static List<ODataEntity> candidates(ODataService service, String entitySet, String filter) {
		ODataQuery query = ODataQuery.parse(Map.of("$filter", filter), type(service, entitySet));
		return service.entities(entitySet, query.required());
	}

	private static List<ODataEntity> query(ODataService service, String entitySet, String filter) {
		ODataQuery query = ODataQuery.parse(Map.of("$filter", filter), type(service, entitySet));
		return query.apply(service.entities(entitySet, query.required())).entities();
	}

	private static void assertSameAsScan(ODataService service, String entitySet, int expected, String filter) {
		assertSameAsScan(service, entitySet, expected, filter, null, null, null);
	}

	/**
	 * The indexed answer equals the answer over every entity of the set, page and count, and the
	 * page holds {@code expected} entities (so that a query matching nothing by mistake is seen).
	 */
	private static void assertSameAsScan(ODataService service, String entitySet, int expected, String filter,
			String orderBy, String top, String skip) {
		Map<String, String> parameters = new LinkedHashMap<>();
		parameters.put("$filter", filter);
		parameters.put("$inlinecount", "allpages");
		parameters.put("$expand", "to_Item");
		if (orderBy != null) {
			parameters.put("$orderby", orderBy);
		}
		if (top != null) {
			parameters.put("$top", top);
		}
		if (skip != null) {
			parameters.put("$skip", skip);
		}
		Edm.EntityType type = type(service, entitySet);
		if (type.navigation("to_Item").isEmpty()) {
			parameters.remove("$expand");
		}
		ODataQuery query = ODataQuery.parse(parameters, type);

		ODataQuery.Page indexed = query.apply(service.entities(entitySet, query.required()));
		ODataQuery.Page scanned = query.apply(service.entities(entitySet));

		String description = entitySet + " " + parameters;
		assertThat(indexed.entities()).as(description).isEqualTo(scanned.entities());
		assertThat(indexed.count()).as(description).isEqualTo(scanned.count());
		assertThat(indexed.entities()).as(description).hasSize(expected);
		assertThat(Set.copyOf(indexed.entities())).as(description).hasSize(expected);
	}

	private static Edm.EntityType type(ODataService service, String entitySet) {
		return service.model().entitySet(entitySet).orElseThrow();
	}
}
