package io.retailhub.system.orders;

import static io.retailhub.system.support.SystemApiHttp.get;
import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import io.retailhub.sandbox.backends.data.DemoData;
import io.retailhub.sandbox.backends.data.DemoOrder;
import io.retailhub.sandbox.backends.faults.Backend;
import io.retailhub.system.support.Sandbox;
import io.retailhub.system.support.SystemApiHttp;
import io.retailhub.system.support.SystemApiIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

@SystemApiIntegrationTest
class OrderApiIntegrationTests {

	@LocalServerPort
	int port;

	RestClient http;

	@BeforeEach
	void client() {
		http = SystemApiHttp.client(port, "");
	}

	@Test
	void answersOneOrderWithLinesShipmentsAndPaymentFromThreeBackends() {
		DemoOrder seeded = Sandbox.data().order(DemoData.Showcase.SPLIT_SHIPMENT_ORDER);

		String order = get(http, "/api/system/v1/orders/" + seeded.orderNumber()).getBody();

		assertThat(JsonPath.<String>read(order, "$.customerId")).isEqualTo(seeded.customerNumber());
		assertThat(JsonPath.<Integer>read(order, "$.lines.length()")).isEqualTo(seeded.lines().size());
		assertThat(JsonPath.<Integer>read(order, "$.shipments.length()")).isEqualTo(2);
		assertThat(JsonPath.<String>read(order, "$.status")).as("both parcels left, one is still travelling").isEqualTo("SHIPPED");
		assertThat(JsonPath.<String>read(order, "$.payment.reference")).isEqualTo(seeded.paymentIntentId());
		assertThat(JsonPath.<String>read(order, "$.payment.status")).isEqualTo("CAPTURED");
	}

	@Test
	void answersHeaderAndLinesWithoutThePaymentProviderWhenOnlyLinesAreAskedFor() {
		Sandbox.outage(Backend.PAYMENT);
		Sandbox.outage(Backend.WAREHOUSE);

		ResponseEntity<String> full = get(http, "/api/system/v1/orders/WEB-100001");
		ResponseEntity<String> lines = get(http, "/api/system/v1/orders/WEB-100001?include=lines");

		assertThat(full.getStatusCode().value()).isEqualTo(503);
		assertThat(lines.getStatusCode().value()).isEqualTo(200);
		assertThat(JsonPath.<Integer>read(lines.getBody(), "$.lines.length()")).isEqualTo(3);
		assertThat(JsonPath.<Integer>read(lines.getBody(), "$.shipments.length()")).isZero();
		assertThat(JsonPath.<Object>read(lines.getBody(), "$.payment")).isNull();
	}

	@Test
	void answersAnOrdersParcelsAndPaymentWhileErpIsDown() {
		DemoOrder seeded = Sandbox.data().order(DemoData.Showcase.SPLIT_SHIPMENT_ORDER);
		Sandbox.outage(Backend.ERP);

		ResponseEntity<String> order = get(http, "/api/system/v1/orders/" + seeded.orderNumber());
		ResponseEntity<String> shipments = get(http, "/api/system/v1/orders/" + seeded.orderNumber() + "/shipments");
		ResponseEntity<String> payment = get(http, "/api/system/v1/orders/" + seeded.orderNumber() + "/payment");

		assertThat(order.getStatusCode().value()).isEqualTo(503);
		assertThat(shipments.getStatusCode().value()).isEqualTo(200);
		assertThat(JsonPath.<Integer>read(shipments.getBody(), "$.length()")).isEqualTo(2);
		assertThat(payment.getStatusCode().value()).isEqualTo(200);
		assertThat(JsonPath.<String>read(payment.getBody(), "$.reference")).isEqualTo(seeded.paymentIntentId());
	}

	@Test
	void answersNoParcelsAndNoPaymentForAnOrderTheirBackendsDoNotKnow() {
		ResponseEntity<String> shipments = get(http, "/api/system/v1/orders/WEB-999999/shipments");
		ResponseEntity<String> payment = get(http, "/api/system/v1/orders/WEB-999999/payment");

		assertThat(shipments.getStatusCode().value()).isEqualTo(200);
		assertThat(shipments.getBody()).isEqualTo("[]");
		assertThat(payment.getStatusCode().value()).isEqualTo(404);
		assertThat(payment.getBody()).contains("https://retailhub.io/problems/not-found");
	}

	@Test
	void refusesUnknownPartsAndUnknownOrders() {
		ResponseEntity<String> unknownPart = get(http, "/api/system/v1/orders/WEB-100001?include=lines,invoices");
		ResponseEntity<String> unknownOrder = get(http, "/api/system/v1/orders/WEB-999999");

		assertThat(unknownPart.getStatusCode().value()).isEqualTo(400);
		assertThat(unknownPart.getBody()).contains("\"field\":\"include\"");
		assertThat(unknownOrder.getStatusCode().value()).isEqualTo(404);
		assertThat(unknownOrder.getBody()).contains("https://retailhub.io/problems/not-found");
	}
}
