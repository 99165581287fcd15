package io.retailhub.sandbox.backends.erp;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.retailhub.sandbox.backends.SandboxBackendsApplication;
import io.retailhub.sandbox.backends.SandboxCredentials;
import io.retailhub.sandbox.backends.data.DemoCustomer;
import io.retailhub.sandbox.backends.data.DemoData;
import io.retailhub.sandbox.backends.data.DemoProduct;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * A sales order placed through the admin API is an ERP sales order like the seeded ones, stamped
 * with {@code LastChangeDateTime} now, so a "changed since" read in OData finds it in order.
 */
@SpringBootTest(classes = SandboxBackendsApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.config.name=" + SandboxBackendsApplication.CONFIG_NAME, "spring.main.banner-mode=off" })
class SalesOrderPlacementIntegrationTests {

	private static final String SALES_ORDERS = "/erp/sap/opu/odata/sap/API_SALES_ORDER_SRV/A_SalesOrder";

	@LocalServerPort
	int port;

	@Autowired
	DemoData data;

	@Autowired
	SandboxCredentials credentials;

	RestTestClient sandbox;

	RestTestClient erp;

	@BeforeEach
	void connect() {
		sandbox = RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
		erp = ErpOData.client(port, credentials);
	}

	@Test
	void placedOrderIsReadableInODataChangedSinceItsPlacementInOrder() {
		DemoCustomer customer = unlistedCustomer(1);
		DemoProduct product = productIn(customer.currency());
		Instant before = Instant.now().minusMillis(1);

		sandbox.post()
			.uri("/admin/erp/sales-orders")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("orderNumber", "WEB-PLACED-2", "customerNumber", customer.number(), "lines",
					List.of(Map.of("sku", product.sku(), "quantity", 1))))
			.exchange()
			.expectStatus()
			.isCreated();
		sandbox.post()
			.uri("/admin/erp/sales-orders")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("orderNumber", "WEB-PLACED-1", "customerNumber", customer.number(), "channel", "STORE",
					"lines", List.of(Map.of("sku", product.sku(), "quantity", 2, "discount", new BigDecimal("1.00")))))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectHeader()
			.valueMatches(HttpHeaders.LOCATION, ".*/A_SalesOrder\\('\\d+'\\)")
			.expectBody()
			.jsonPath("$.orderNumber")
			.isEqualTo("WEB-PLACED-1")
			.jsonPath("$.items[0].netAmount")
			.value(Number.class, net -> assertThat(new BigDecimal(net.toString())).isEqualByComparingTo(
					product.price(customer.currency()).multiply(BigDecimal.valueOf(2)).subtract(BigDecimal.ONE)));

		erp.get()
			.uri(SALES_ORDERS + "?$filter={filter}&$orderby={orderBy}&$expand=to_Item",
					"LastChangeDateTime ge datetimeoffset'" + before + "'", "LastChangeDateTime,PurchaseOrderByCustomer")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.d.results.length()")
			.isEqualTo(2)
			.jsonPath("$.d.results[0].PurchaseOrderByCustomer")
			.isEqualTo("WEB-PLACED-2")
			.jsonPath("$.d.results[1].PurchaseOrderByCustomer")
			.isEqualTo("WEB-PLACED-1")
			.jsonPath("$.d.results[1].DistributionChannel")
			.isEqualTo("20")
			.jsonPath("$.d.results[1].LastChangeDateTime")
			.value(String.class, text -> assertThat(text).matches("/Date\\(\\d+\\+0000\\)/"))
			.jsonPath("$.d.results[1].to_Item.results[0].RequestedQuantity")
			.isEqualTo("2");
		// the indexed reads the hub sends (its order number, then the sales order's key) find it too
		erp.get()
			.uri(SALES_ORDERS + "?$filter={filter}&$expand=to_Item", "PurchaseOrderByCustomer eq 'WEB-PLACED-1'")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.d.results.length()")
			.isEqualTo(1)
			.jsonPath("$.d.results[0].to_Item.results.length()")
			.isEqualTo(1)
			.jsonPath("$.d.results[0].SoldToParty")
			.isEqualTo(customer.number());
	}

	@Test
	void refusesAnOrderNumberInUseAndUnknownProducts() {
		DemoCustomer customer = unlistedCustomer(2);
		DemoProduct product = productIn(customer.currency());
		Map<String, Object> order = Map.of("orderNumber", "WEB-PLACED-3", "customerNumber", customer.number(), "lines",
				List.of(Map.of("sku", product.sku(), "quantity", 1)));

		sandbox.post().uri("/admin/erp/sales-orders").contentType(MediaType.APPLICATION_JSON).body(order).exchange()
			.expectStatus().isCreated();
		sandbox.post().uri("/admin/erp/sales-orders").contentType(MediaType.APPLICATION_JSON).body(order).exchange()
			.expectStatus().isEqualTo(409);
		sandbox.post()
			.uri("/admin/erp/sales-orders")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("orderNumber", "WEB-PLACED-4", "customerNumber", customer.number(), "lines",
					List.of(Map.of("sku", "NO-SUCH-SKU", "quantity", 1))))
			.exchange()
			.expectStatus()
			.isBadRequest();
		sandbox.post()
			.uri("/admin/erp/sales-orders")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("orderNumber", "WEB-PLACED-5", "customerNumber", customer.number(), "lines", List.of()))
			.exchange()
			.expectStatus()
			.isBadRequest();
		erp.get()
			.uri(SALES_ORDERS + "?$filter={filter}", "PurchaseOrderByCustomer eq 'WEB-PLACED-4'")
			.exchange()
			.expectBody()
			.jsonPath("$.d.results.length()")
			.isEqualTo(0);
	}

	/**
	 * A customer from the end of the demo data, whom no other test counts orders of: this test's
	 * context is shared with the other ERP tests.
	 */
	private DemoCustomer unlistedCustomer(int fromTheEnd) {
		return data.customers().get(data.customers().size() - fromTheEnd);
	}

	private DemoProduct productIn(String currency) {
		return data.products().stream().filter(p -> p.price(currency) != null).findFirst().orElseThrow();
	}
}
