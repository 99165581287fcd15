package io.retailhub.sandbox.backends.erp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.retailhub.sandbox.backends.SandboxBackendsApplication;
import io.retailhub.sandbox.backends.SandboxCredentials;
import io.retailhub.sandbox.backends.data.DemoData;
import io.retailhub.sandbox.backends.data.DemoInvoice;
import io.retailhub.sandbox.backends.data.DemoOrder;
import io.retailhub.sandbox.backends.erp.ErpOData.Csrf;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * The invoices of the simulated ERP ({@code API_BILLING_DOCUMENT_SRV}, one per parcel) and the
 * follow-up documents that reference them instead of the sales order (category M), as SAP's
 * sample payloads for customer returns do.
 */
@SpringBootTest(classes = SandboxBackendsApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.config.name=" + SandboxBackendsApplication.CONFIG_NAME, "spring.main.banner-mode=off" })
class InvoiceReferencesIntegrationTests {

	private static final String BILLING = "/erp/sap/opu/odata/sap/API_BILLING_DOCUMENT_SRV";

	private static final String RETURNS = "/erp/sap/opu/odata/sap/API_CUSTOMER_RETURN_SRV";

	private static final String CREDIT_MEMOS = "/erp/sap/opu/odata/sap/API_CREDIT_MEMO_REQUEST_SRV";

	/** Orders taken from the middle of the demo data, away from the ones other sandbox tests pick. */
	private static final AtomicInteger nextOrder = new AtomicInteger(700);

	@LocalServerPort
	int port;

	@Autowired
	DemoData data;

	@Autowired
	SandboxCredentials credentials;

	@Autowired
	ErpEffects effects;

	RestTestClient erp;

	@BeforeEach
	void connect() {
		erp = ErpOData.client(port, credentials);
	}

	@Test
	void servesAnInvoicePerParcelNamingTheSalesOrderItemEachItemBills() {
		DemoOrder order = data.order(DemoData.Showcase.SPLIT_SHIPMENT_ORDER);
		DemoInvoice second = order.invoices().get(1);

		erp.get()
			.uri(BILLING + "/A_BillingDocumentItem?$filter={filter}&$orderby=BillingDocument,BillingDocumentItem",
					"SalesDocument eq '" + order.salesOrder() + "'")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.d.results.length()")
			.isEqualTo(order.lines().size())
			.jsonPath("$.d.results[1].BillingDocument")
			.isEqualTo(second.billingDocument())
			.jsonPath("$.d.results[1].BillingDocumentItem")
			.isEqualTo("10")
			.jsonPath("$.d.results[1].SalesDocumentItem")
			.isEqualTo("20")
			.jsonPath("$.d.results[1].BillingQuantity")
			.isEqualTo(Integer.toString(order.lines().get(1).quantity()));
		erp.get()
			.uri(BILLING + "/A_BillingDocument('{invoice}')?$expand=to_Item", second.billingDocument())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.d.SDDocumentCategory")
			.isEqualTo("M")
			.jsonPath("$.d.SoldToParty")
			.isEqualTo(order.customerNumber())
			.jsonPath("$.d.TotalNetAmount")
			.isEqualTo(order.lines().get(1).netAmount().toPlainString());
	}

	@Test
	void takesAReturnAgainstTheInvoiceOfEachParcelAndListsItUnderEither() {
		// given a delivered order billed in two parcels
		DemoOrder order = splitDeliveredOrder();
		DemoInvoice first = order.invoices().get(0);
		DemoInvoice second = order.invoices().get(1);
		Csrf csrf = ErpOData.fetchToken(erp, RETURNS);

		// when one return takes a unit of the first parcel's item and one of the second parcel's first item
		String body = """
				{"CustomerReturnType":"CBRE","SoldToParty":"%s","PurchaseOrderByCustomer":"RA-INV-%s",
				 "SDDocumentReason":"002","ReferenceSDDocument":"%s","to_Item":{"results":[
				  {"RequestedQuantity":"1","ReferenceSDDocumentItem":"10","ReturnReason":"101"},
				  {"RequestedQuantity":"1","ReferenceSDDocument":"%s","ReferenceSDDocumentItem":"10","ReturnReason":"101"}]}}"""
			.formatted(order.customerNumber(), order.salesOrder(), first.billingDocument(), second.billingDocument());

		// then ERP keeps what each item references and finds the return under either invoice
		ErpOData.post(erp, csrf, RETURNS + "/A_CustomerReturn", body)
			.expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.d.ReferenceSDDocument")
			.isEqualTo(first.billingDocument())
			.jsonPath("$.d.ReferenceSDDocumentCategory")
			.isEqualTo("M")
			.jsonPath("$.d.to_Item.results[1].ReferenceSDDocument")
			.isEqualTo(second.billingDocument())
			.jsonPath("$.d.to_Item.results[1].ReferenceSDDocumentItem")
			.isEqualTo("10")
			.jsonPath("$.d.to_Item.results[1].Material")
			.isEqualTo(order.lines().get(1).sku());
		for (String invoice : List.of(first.billingDocument(), second.billingDocument())) {
			erp.get()
				.uri(RETURNS + "/A_CustomerReturn?$filter={filter}", "ReferenceSDDocument eq '" + invoice + "'")
				.exchange()
				.expectBody()
				.jsonPath("$.d.results.length()")
				.isEqualTo(invoice.equals(first.billingDocument()) ? 1 : 0);
			erp.get()
				.uri(RETURNS + "/A_CustomerReturnItem?$filter={filter}", "ReferenceSDDocument eq '" + invoice + "'")
				.exchange()
				.expectBody()
				.jsonPath("$.d.results.length()")
				.isEqualTo(1);
		}
	}

	@Test
	void letsTheWarehouseReceiveAReturnEnteredAgainstTheInvoiceByOrderLine() {
		// given a return of line 20, entered against the second invoice's item 10
		DemoOrder order = splitDeliveredOrder();
		DemoInvoice second = order.invoices().get(1);
		Csrf csrf = ErpOData.fetchToken(erp, RETURNS);
		byte[] created = ErpOData.post(erp, csrf, RETURNS + "/A_CustomerReturn",
				returnOfInvoiceItem(order, second.billingDocument(), second.billingDocument(), 1))
			.expectStatus()
			.isCreated()
			.returnResult(byte[].class)
			.getResponseBody();
		String rma = JsonMapper.shared().readTree(created).path("d").path("CustomerReturn").asString();

		// when its parcel arrives, the WMS having read the RMA from ERP
		byte[] receipt = erp.post()
			.uri("/admin/warehouse/rmas/{rma}/receive", rma)
			.exchange()
			.expectStatus()
			.isCreated()
			.returnResult(byte[].class)
			.getResponseBody();

		// then the WMS knows the order and the order line the invoice item bills
		JsonNode received = JsonMapper.shared().readTree(receipt);
		assertThat(received.path("order_number").asString()).isEqualTo(order.orderNumber());
		assertThat(received.path("lines").get(0).path("line_number").asString())
			.isEqualTo(order.lines().get(1).itemNumber());
	}

	@Test
	void refusesMoreThanWasBilledAndAnItemOfAnotherOrdersInvoice() {
		DemoOrder order = splitDeliveredOrder();
		DemoOrder other = splitDeliveredOrder();
		DemoInvoice first = order.invoices().get(0);
		int billed = first.items().get(0).quantity();
		Csrf csrf = ErpOData.fetchToken(erp, RETURNS);
		long before = effects.count(ErpEffects.CUSTOMER_RETURNS_CREATED);

		ErpOData.post(erp, csrf, RETURNS + "/A_CustomerReturn", returnOfInvoiceItem(order, first.billingDocument(),
				first.billingDocument(), billed + 1))
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.error.code")
			.isEqualTo("MSR_RETURNS/021");
		ErpOData.post(erp, csrf, RETURNS + "/A_CustomerReturn", returnOfInvoiceItem(order, first.billingDocument(),
				other.invoices().get(0).billingDocument(), 1))
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.error.innererror.errordetails[0].target")
			.isEqualTo("ReferenceSDDocument");

		assertThat(effects.count(ErpEffects.CUSTOMER_RETURNS_CREATED)).isEqualTo(before);
	}

	@Test
	void takesACreditMemoRequestAgainstTheInvoice() {
		DemoOrder order = splitDeliveredOrder();
		DemoInvoice second = order.invoices().get(1);
		Csrf csrf = ErpOData.fetchToken(erp, CREDIT_MEMOS);
		String body = """
				{"CreditMemoRequestType":"GA2","SoldToParty":"%s","PurchaseOrderByCustomer":"CM-INV-%s",
				 "SDDocumentReason":"009","ReferenceSDDocument":"%s",
				 "to_Item":{"results":[{"RequestedQuantity":"1","ReferenceSDDocumentItem":"10"}]}}"""
			.formatted(order.customerNumber(), order.salesOrder(), second.billingDocument());

		ErpOData.post(erp, csrf, CREDIT_MEMOS + "/A_CreditMemoRequest", body)
			.expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.d.ReferenceSDDocumentCategory")
			.isEqualTo("M")
			.jsonPath("$.d.to_Item.results[0].ReferenceSDDocument")
			.isEqualTo(second.billingDocument())
			.jsonPath("$.d.to_Item.results[0].Material")
			.isEqualTo(order.lines().get(1).sku());
	}

	private static String returnOfInvoiceItem(DemoOrder order, String header, String item, int quantity) {
		return """
				{"CustomerReturnType":"CBRE","SoldToParty":"%s","PurchaseOrderByCustomer":"RA-INV-X-%s",
				 "ReferenceSDDocument":"%s","to_Item":{"results":[{"RequestedQuantity":"%d",
				 "ReferenceSDDocument":"%s","ReferenceSDDocumentItem":"10","ReturnReason":"101"}]}}"""
			.formatted(order.customerNumber(), order.salesOrder(), header, quantity, item);
	}

	/** A delivered order with nothing returned, billed in two parcels; a different one per call. */
	private DemoOrder splitDeliveredOrder() {
		List<DemoOrder> orders = data.orders();
		for (int i = nextOrder.getAndIncrement(); i < orders.size(); i = nextOrder.getAndIncrement()) {
			DemoOrder order = orders.get(i);
			if (order.fullyDelivered() && order.returns().isEmpty() && order.invoices().size() == 2) {
				return order;
			}
		}
		throw new IllegalStateException("no delivered orders billed in two parcels left in the demo data");
	}
}
