package io.retailhub.sandbox.backends.erp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import javax.xml.parsers.DocumentBuilderFactory;

import io.retailhub.sandbox.backends.SandboxBackendsApplication;
import io.retailhub.sandbox.backends.SandboxCredentials;
import io.retailhub.sandbox.backends.data.DemoData;
import io.retailhub.sandbox.backends.data.DemoInvoice;
import io.retailhub.sandbox.backends.data.DemoOrder;
import io.retailhub.sandbox.backends.erp.ErpOData.Csrf;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * The simulated ERP over real HTTP, checking the SAP dialect a client meets: Basic logon, the
 * CSRF handshake, {@code {"d": ...}} envelopes, {@code /Date(ms)/} dates, decimals as strings,
 * query options and OData error bodies.
 */
@SpringBootTest(classes = SandboxBackendsApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.config.name=" + SandboxBackendsApplication.CONFIG_NAME, "spring.main.banner-mode=off" })
class SapErpSandboxIntegrationTests {

	private static final String SALES_ORDERS = "/erp/sap/opu/odata/sap/API_SALES_ORDER_SRV";

	private static final String RETURNS = "/erp/sap/opu/odata/sap/API_CUSTOMER_RETURN_SRV";

	private static final String CREDIT_MEMOS = "/erp/sap/opu/odata/sap/API_CREDIT_MEMO_REQUEST_SRV";

	private static final String AVAILABILITY = "/erp/sap/opu/odata/sap/API_PRODUCT_AVAILY_INFO_BASIC";

	@LocalServerPort
	int port;

	@Autowired
	DemoData data;

	@Autowired
	SandboxCredentials credentials;

	@Autowired
	ErpEffects effects;

	RestTestClient erp;

	private static final AtomicInteger nextOrder = new AtomicInteger();

	@BeforeEach
	void connect() {
		erp = ErpOData.client(port, credentials);
	}

	@Test
	void refusesCallsWithoutTheCommunicationUsersLogon() {
		RestTestClient anonymous = RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build();

		anonymous.get()
			.uri(SALES_ORDERS + "/A_SalesOrder('5000001')")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.valueMatches(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=.*");
	}

	@Test
	void wrapsOneEntityInDWithMetadataEtagAndDeferredNavigation() {
		DemoOrder order = data.order(DemoData.Showcase.DELIVERED_ORDER);

		erp.get()
			.uri(SALES_ORDERS + "/A_SalesOrder('" + order.salesOrder() + "')?$format=json")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueMatches(HttpHeaders.ETAG, "W/\"datetimeoffset'.*Z'\"")
			.expectBody()
			.jsonPath("$.d.SalesOrder")
			.isEqualTo(order.salesOrder())
			.jsonPath("$.d.PurchaseOrderByCustomer")
			.isEqualTo(order.orderNumber())
			.jsonPath("$.d.__metadata.type")
			.isEqualTo("API_SALES_ORDER_SRV.A_SalesOrderType")
			.jsonPath("$.d.__metadata.uri")
			.isEqualTo("http://localhost:" + port + SALES_ORDERS + "/A_SalesOrder('" + order.salesOrder() + "')")
			.jsonPath("$.d.to_Item.__deferred.uri")
			.isEqualTo("http://localhost:" + port + SALES_ORDERS + "/A_SalesOrder('" + order.salesOrder()
					+ "')/to_Item");
	}

	@Test
	void writesDatesAsSapDateLiteralsAndDecimalsAsStrings() {
		DemoOrder order = data.order(DemoData.Showcase.DELIVERED_ORDER);
		long day = order.placedAt().atZone(ZoneOffset.UTC).toLocalDate().atStartOfDay(ZoneOffset.UTC).toInstant()
			.toEpochMilli();

		erp.get()
			.uri(SALES_ORDERS + "/A_SalesOrder('" + order.salesOrder() + "')?$expand=to_Item")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.d.SalesOrderDate")
			.isEqualTo("/Date(" + day + ")/")
			.jsonPath("$.d.LastChangeDateTime")
			.isEqualTo("/Date(" + order.placedAt().toEpochMilli() + "+0000)/")
			.jsonPath("$.d.TotalNetAmount")
			.isEqualTo(order.total().toPlainString())
			.jsonPath("$.d.to_Item.results[0].SalesOrderItem")
			.isEqualTo("10")
			.jsonPath("$.d.to_Item.results[0].RequestedQuantity")
			.isEqualTo(Integer.toString(order.lines().get(0).quantity()))
			.jsonPath("$.d.to_Item.results[0].NetAmount")
			.isEqualTo(order.lines().get(0).netAmount().toPlainString());
	}

	@Test
	void filtersCombinedWithAndAndCountsInlineAsAString() {
		erp.get()
			.uri(SALES_ORDERS + "/A_SalesOrder?$filter={filter}&$inlinecount=allpages&$expand=to_Item",
					"SoldToParty eq '17100001' and PurchaseOrderByCustomer eq 'WEB-100002'")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.d.__count")
			.isEqualTo("1")
			.jsonPath("$.d.results[0].PurchaseOrderByCustomer")
			.isEqualTo("WEB-100002")
			.jsonPath("$.d.results[0].OverallDeliveryStatus")
			.isEqualTo("C")
			.jsonPath("$.d.results[0].to_Item.results.length()")
			.isEqualTo(2);
	}

	@Test
	void ordersACustomersOrdersNewestFirstAndPages() {
		List<DemoOrder> expected = data.orders()
			.stream()
			.filter(o -> o.customerNumber().equals(DemoData.Showcase.CUSTOMER))
			.sorted((a, b) -> b.placedAt().compareTo(a.placedAt()))
			.limit(2)
			.toList();

		erp.get()
			.uri(SALES_ORDERS + "/A_SalesOrder?$filter={filter}&$orderby=SalesOrderDate desc,LastChangeDateTime desc&$top=2",
					"SoldToParty eq '" + DemoData.Showcase.CUSTOMER + "'")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.d.results.length()")
			.isEqualTo(2)
			.jsonPath("$.d.results[0].PurchaseOrderByCustomer")
			.isEqualTo(expected.get(0).orderNumber())
			.jsonPath("$.d.results[1].PurchaseOrderByCustomer")
			.isEqualTo(expected.get(1).orderNumber());
	}

	@Test
	void navigatesToItemsAndCountsAndSkipsInCollections() {
		DemoOrder split = data.order(DemoData.Showcase.SPLIT_SHIPMENT_ORDER);
		long ofCustomer = data.orders().stream().filter(o -> o.customerNumber().equals(split.customerNumber())).count();

		erp.get()
			.uri(SALES_ORDERS + "/A_SalesOrder('" + split.salesOrder() + "')/to_Item?$inlinecount=allpages&$skip=1")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.d.__count")
			.isEqualTo("2")
			.jsonPath("$.d.results.length()")
			.isEqualTo(1)
			.jsonPath("$.d.results[0].SalesOrderItem")
			.isEqualTo("20");
		erp.get()
			.uri(SALES_ORDERS + "/A_SalesOrder/$count?$filter={filter}", "SoldToParty eq '" + split.customerNumber() + "'")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.isEqualTo(Long.toString(ofCustomer));
	}

	@Test
	void answersAnUnknownKeyWithA404ODataErrorBody() {
		erp.get()
			.uri(SALES_ORDERS + "/A_SalesOrder('999')")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.error.code")
			.isEqualTo("V1/302")
			.jsonPath("$.error.message.lang")
			.isEqualTo("en")
			.jsonPath("$.error.message.value")
			.isEqualTo("SD document 999 is not in the database or has been archived")
			.jsonPath("$.error.innererror.application.service_id")
			.isEqualTo("API_SALES_ORDER_SRV")
			.jsonPath("$.error.innererror.errordetails[0].severity")
			.isEqualTo("error");
	}

	@Test
	void answersAnUnknownEntitySetAndABadFilterInTheODataDialect() {
		erp.get()
			.uri(SALES_ORDERS + "/A_Nothing")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.error.code")
			.isEqualTo("/IWBEP/CM_MGW_RT/020");
		erp.get()
			.uri(SALES_ORDERS + "/A_SalesOrder?$filter={filter}", "Unknown eq 'x'")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.error.message.value")
			.isEqualTo("Property Unknown not found in type A_SalesOrderType");
	}

	@Test
	void refusesAWriteWithoutCsrfToken() {
		long before = effects.count(ErpEffects.CUSTOMER_RETURNS_CREATED);

		erp.post()
			.uri(RETURNS + "/A_CustomerReturn")
			.contentType(MediaType.APPLICATION_JSON)
			.body(ErpOData.customerReturn(data.order(DemoData.Showcase.DELIVERED_ORDER), "10", 1, "RA-NO-TOKEN"))
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectHeader()
			.valueEquals("x-csrf-token", "Required")
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.TEXT_PLAIN)
			.expectBody(String.class)
			.isEqualTo("CSRF token validation failed");
		assertThat(effects.count(ErpEffects.CUSTOMER_RETURNS_CREATED)).isEqualTo(before);
	}

	@Test
	void refusesATokenSentWithoutTheSessionCookieItWasFetchedWith() {
		Csrf csrf = fetchToken(RETURNS);

		erp.post()
			.uri(RETURNS + "/A_CustomerReturn")
			.header("x-csrf-token", csrf.token())
			.contentType(MediaType.APPLICATION_JSON)
			.body(ErpOData.customerReturn(data.order(DemoData.Showcase.DELIVERED_ORDER), "10", 1, "RA-NO-COOKIE"))
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectHeader()
			.valueEquals("x-csrf-token", "Required");
	}

	@Test
	void createsACustomerReturnWithTokenAndCookieAndComputesItsAmountProRata() {
		DemoOrder order = orderWithTwoUnitsOnItem10();
		long before = effects.count(ErpEffects.CUSTOMER_RETURNS_CREATED);
		Csrf csrf = fetchToken(RETURNS);

		ErpOData.post(erp, csrf, RETURNS + "/A_CustomerReturn", ErpOData.customerReturn(order, "10", 1, "RA-CREATED-1"))
			.expectStatus()
			.isCreated()
			.expectHeader()
			.valueMatches(HttpHeaders.LOCATION, ".*/A_CustomerReturn\\('6\\d{7}'\\)")
			.expectBody()
			.jsonPath("$.d.CustomerReturn")
			.value(String.class, number -> assertThat(number).matches("6\\d{7}"))
			.jsonPath("$.d.PurchaseOrderByCustomer")
			.isEqualTo("RA-CREATED-1")
			.jsonPath("$.d.ReferenceSDDocument")
			.isEqualTo(order.salesOrder())
			.jsonPath("$.d.to_Item.results[0].CustomerReturnItem")
			.isEqualTo("10")
			.jsonPath("$.d.to_Item.results[0].NetAmount")
			.isEqualTo(order.lines().get(0).netAmount().divide(BigDecimal.valueOf(2),
					RoundingMode.HALF_UP).toPlainString())
			.jsonPath("$.d.TotalNetAmount")
			.isEqualTo(order.lines().get(0).netAmount().divide(BigDecimal.valueOf(2),
					RoundingMode.HALF_UP).toPlainString());
		assertThat(effects.count(ErpEffects.CUSTOMER_RETURNS_CREATED)).isEqualTo(before + 1);
		erp.get()
			.uri(RETURNS + "/A_CustomerReturn?$filter={filter}", "PurchaseOrderByCustomer eq 'RA-CREATED-1'")
			.exchange()
			.expectBody()
			.jsonPath("$.d.results.length()")
			.isEqualTo(1);
	}

	@Test
	void refusesAReturnAboveTheQuantityNotYetReturned() {
		DemoOrder order = orderWithTwoUnitsOnItem10();
		Csrf csrf = fetchToken(RETURNS);
		createReturn(csrf, ErpOData.customerReturn(order, "10", 2, "RA-ALL-OF-IT"));
		long before = effects.count(ErpEffects.CUSTOMER_RETURNS_CREATED);

		ErpOData.post(erp, csrf, RETURNS + "/A_CustomerReturn", ErpOData.customerReturn(order, "10", 1, "RA-ONE-MORE"))
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.error.code")
			.isEqualTo("MSR_RETURNS/021")
			.jsonPath("$.error.innererror.errordetails[0].target")
			.isEqualTo("RequestedQuantity");
		assertThat(effects.count(ErpEffects.CUSTOMER_RETURNS_CREATED)).isEqualTo(before);
	}

	@Test
	void listsTheSeededLegacyReturnOfAnOrderAsCompletedAndEnteredAgainstTheInvoice() {
		DemoOrder order = data.order(DemoData.Showcase.PARTLY_RETURNED_ORDER);
		DemoInvoice invoice = order.invoiceOf("10").orElseThrow();
		String billingItem = invoice.items().stream().filter(i -> i.orderItem().equals("10")).findFirst().orElseThrow()
			.billingItem();

		erp.get()
			.uri(RETURNS + "/A_CustomerReturn?$filter={filter}&$expand=to_Item",
					"ReferenceSDDocument eq '" + invoice.billingDocument() + "'")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.d.results[0].PurchaseOrderByCustomer")
			.isEqualTo(order.returns().get(0).reference())
			.jsonPath("$.d.results[0].OverallSDProcessStatus")
			.isEqualTo("C")
			.jsonPath("$.d.results[0].ReferenceSDDocumentCategory")
			.isEqualTo("M")
			.jsonPath("$.d.results[0].to_Item.results[0].ReferenceSDDocument")
			.isEqualTo(invoice.billingDocument())
			.jsonPath("$.d.results[0].to_Item.results[0].ReferenceSDDocumentItem")
			.isEqualTo(billingItem)
			.jsonPath("$.d.results[0].to_Item.results[0].NetAmount")
			.isEqualTo(order.returns().get(0).refundAmount().toPlainString());
	}

	@Test
	void pricesACreditMemoRequestItselfAtWhatTheCustomerPaid() {
		DemoOrder order = data.order(DemoData.Showcase.DELIVERED_ORDER);
		long before = effects.count(ErpEffects.CREDIT_MEMO_REQUESTS_CREATED);
		Csrf csrf = fetchToken(CREDIT_MEMOS);
		BigDecimal paidForOne = order.lines().get(0).netAmount().divide(BigDecimal.valueOf(2), RoundingMode.HALF_UP);

		ErpOData.post(erp, csrf, CREDIT_MEMOS + "/A_CreditMemoRequest", creditMemoRequest(order, ""))
			.expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.d.CreditMemoRequestType")
			.isEqualTo("GA2")
			.jsonPath("$.d.to_Item.results[0].NetAmount")
			.isEqualTo(paidForOne.toPlainString())
			.jsonPath("$.d.to_Item.results[1].NetAmount")
			.isEqualTo(order.lines().get(1).netAmount().toPlainString())
			.jsonPath("$.d.TotalNetAmount")
			.isEqualTo(paidForOne.add(order.lines().get(1).netAmount()).toPlainString())
			.jsonPath("$.d.to_Item.results[1].Material")
			.isEqualTo(order.lines().get(1).sku());
		assertThat(effects.count(ErpEffects.CREDIT_MEMO_REQUESTS_CREATED)).isEqualTo(before + 1);
	}

	@Test
	void refusesAReadOnlyAmountOrAnInlinePricingElementOnCreateInGatewaysErrorBody() {
		DemoOrder order = data.order(DemoData.Showcase.DELIVERED_ORDER);
		long before = effects.count(ErpEffects.CREDIT_MEMO_REQUESTS_CREATED);
		Csrf csrf = fetchToken(CREDIT_MEMOS);

		ErpOData.post(erp, csrf, CREDIT_MEMOS + "/A_CreditMemoRequest",
				creditMemoRequest(order, ",\"NetAmount\":\"10.00\""))
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.error.code")
			.isEqualTo("/IWBEP/CM_MGW_RT/005")
			.jsonPath("$.error.message.value")
			.isEqualTo("Property 'NetAmount' is read-only and cannot be set when creating")
			.jsonPath("$.error.innererror.errordetails[0].target")
			.isEqualTo("NetAmount");
		ErpOData.post(erp, csrf, CREDIT_MEMOS + "/A_CreditMemoRequest", creditMemoRequest(order,
				",\"to_PricingElement\":{\"results\":[{\"ConditionType\":\"PPR0\",\"ConditionRateValue\":\"10\"}]}"))
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.error.innererror.errordetails[0].target")
			.isEqualTo("to_PricingElement");
		ErpOData.post(erp, csrf, RETURNS + "/A_CustomerReturn", ErpOData.customerReturn(order, "10", 1, "RA-RO")
			.replace("\"CustomerReturnType\"", "\"TotalNetAmount\":\"1.00\",\"CustomerReturnType\""))
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.error.innererror.errordetails[0].target")
			.isEqualTo("TotalNetAmount");

		assertThat(effects.count(ErpEffects.CREDIT_MEMO_REQUESTS_CREATED)).isEqualTo(before);
	}

	@Test
	void refusesAnOrderReasonTheTenantDoesNotDefineInGatewaysErrorBody() {
		DemoOrder order = orderWithTwoUnitsOnItem10();
		long before = effects.count(ErpEffects.CUSTOMER_RETURNS_CREATED);
		Csrf csrf = fetchToken(RETURNS);

		// a return reason where the order reason belongs: the two code lists are not the same
		ErpOData.post(erp, csrf, RETURNS + "/A_CustomerReturn", ErpOData.customerReturn(order, "10", 1, "RA-REASON")
			.replace("\"SDDocumentReason\":\"005\"", "\"SDDocumentReason\":\"101\""))
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.error.code")
			.isEqualTo("V1/045")
			.jsonPath("$.error.message.value")
			.isEqualTo("Order reason 101 is not defined")
			.jsonPath("$.error.innererror.errordetails[0].target")
			.isEqualTo("SDDocumentReason");

		assertThat(effects.count(ErpEffects.CUSTOMER_RETURNS_CREATED)).isEqualTo(before);
		ErpOData.post(erp, csrf, RETURNS + "/A_CustomerReturn", ErpOData.customerReturn(order, "10", 1, "RA-REASON"))
			.expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.d.SDDocumentReason")
			.isEqualTo("005");
	}

	/** A credit memo request of one unit of line 10 and all of line 20, each item carrying {@code extra}. */
	private static String creditMemoRequest(DemoOrder order, String extra) {
		return """
				{"CreditMemoRequestType":"GA2","SoldToParty":"%s","PurchaseOrderByCustomer":"CM-%s",
				 "SDDocumentReason":"009","ReferenceSDDocument":"%s","TransactionCurrency":"%s",
				 "to_Item":{"results":[
				  {"Material":"%s","RequestedQuantity":"1","ReferenceSDDocument":"%s","ReferenceSDDocumentItem":"10"%s},
				  {"RequestedQuantity":"%d","ReferenceSDDocumentItem":"20"%s}]}}"""
			.formatted(order.customerNumber(), nextOrder.incrementAndGet(), order.salesOrder(), order.currency(),
					order.lines().get(0).sku(), order.salesOrder(), extra, order.lines().get(1).quantity(), extra);
	}

	@Test
	void servesAvailableToPromisePerPlantAsAFunctionImport() {
		erp.get()
			.uri(AVAILABILITY + "/CalculateAvailabilityTimeseries?ATPCheckingRule='A'&Material='MAT-1001'&SupplyingPlant='1710'")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.d.results[0].__metadata.type")
			.isEqualTo("API_PRODUCT_AVAILY_INFO_BASIC.AvailabilityRecord")
			.jsonPath("$.d.results[0].BaseUnit")
			.isEqualTo("PC")
			.jsonPath("$.d.results[0].AvailableQuantityInBaseUnit")
			.value(String.class, q -> assertThat(q).matches("[1-9]\\d*\\.000"));
		erp.get()
			.uri(AVAILABILITY + "/DetermineAvailabilityOf?SupplyingPlant='1010'&Material='MAT-1001'"
					+ "&ATPCheckingRule='A'&RequestedQuantityInBaseUnit=1M")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.d.DetermineAvailabilityOf.AvailableQuantityInBaseUnit")
			.isEqualTo("1.000");
		erp.get()
			.uri(AVAILABILITY + "/CalculateAvailabilityTimeseries?ATPCheckingRule='A'&Material='NOPE'&SupplyingPlant='1710'")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.error.code")
			.isEqualTo("M3/305");
	}

	@Test
	void describesEveryServedPropertyInItsMetadata() throws Exception {
		for (Edm.Service service : ErpModel.SERVICES) {
			byte[] edmx = erp.get()
				.uri("/erp/sap/opu/odata/sap/" + service.name() + "/$metadata")
				.exchange()
				.expectStatus()
				.isOk()
				.expectHeader()
				.contentTypeCompatibleWith(MediaType.APPLICATION_XML)
				.expectBody()
				.returnResult()
				.getResponseBody();
			DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
			factory.setNamespaceAware(true);
			Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(edmx));
			Set<String> declared = new HashSet<>();
			NodeList types = document.getElementsByTagNameNS("*", "EntityType");
			for (int i = 0; i < types.getLength(); i++) {
				Element type = (Element) types.item(i);
				NodeList properties = type.getElementsByTagNameNS("*", "Property");
				for (int j = 0; j < properties.getLength(); j++) {
					declared.add(type.getAttribute("Name") + "." + ((Element) properties.item(j)).getAttribute("Name"));
				}
			}
			List<String> served = new ArrayList<>();
			for (Edm.EntityType type : service.entityTypes()) {
				type.properties().forEach(p -> served.add(type.name() + "." + p.name()));
			}
			assertThat(declared).containsAll(served);
		}
		String salesOrder = erp.get()
			.uri(SALES_ORDERS + "/A_SalesOrder('5000001')?$expand=to_Item/to_PricingElement")
			.exchange()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		for (Edm.Property property : ErpModel.SALES_ORDER.properties()) {
			assertThat(salesOrder).contains("\"" + property.name() + "\":");
		}
		for (Edm.Property property : ErpModel.SALES_ORDER_ITEM_PRICING_ELEMENT.properties()) {
			assertThat(salesOrder).contains("\"" + property.name() + "\":");
		}
	}

	@Test
	void fetchesTheSameTokenAgainWithinASession() {
		Csrf first = fetchToken(SALES_ORDERS);

		String again = erp.get()
			.uri(SALES_ORDERS + "/$metadata")
			.header("x-csrf-token", "Fetch")
			.header(HttpHeaders.COOKIE, first.cookie())
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult()
			.getResponseHeaders()
			.getFirst("x-csrf-token");

		assertThat(again).isEqualTo(first.token());
	}

	/** Fetches a token the way SAP clients do; the session cookie is SAP's, for the whole host. */
	private Csrf fetchToken(String service) {
		Csrf csrf = ErpOData.fetchToken(erp, service);
		assertThat(csrf.setCookie()).startsWith("SAP_SESSIONID_S4H_100=").contains("path=/");
		return csrf;
	}

	private void createReturn(Csrf csrf, String body) {
		ErpOData.post(erp, csrf, RETURNS + "/A_CustomerReturn", body).expectStatus().isCreated();
	}

	/** A seeded order with two units on item 10 and nothing returned yet; a different one per call. */
	private DemoOrder orderWithTwoUnitsOnItem10() {
		List<DemoOrder> candidates = data.orders()
			.stream()
			.skip(6)
			.filter(o -> o.returns().isEmpty() && o.lines().get(0).quantity() == 2)
			.toList();
		return candidates.get(nextOrder.getAndIncrement() % candidates.size());
	}
}
