package io.retailhub.sandbox.backends.faults;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "spring.config.name=sandbox")
class FaultInjectionIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	Faults faults;

	@Autowired
	RequestCounts requestCounts;

	RestClient http;

	@BeforeEach
	void client() {
		http = RestClient.builder()
			.baseUrl("http://localhost:" + port)
			.defaultStatusHandler(status -> true, (request, response) -> {
			})
			.build();
	}

	@AfterEach
	void heal() {
		faults.clearAll();
	}

	@Test
	void outageAnswersEveryRequestInTheBackendsOwnErrorDialectUntilCleared() {
		ResponseEntity<String> injected = put("/admin/faults/payment", "{\"outage\":true}");
		assertThat(injected.getStatusCode().value()).isEqualTo(200);

		ResponseEntity<String> down = get("/payment/v1/refunds/re_123");
		assertThat(down.getStatusCode().value()).isEqualTo(503);
		assertThat(down.getHeaders().getFirst("Retry-After")).isEqualTo("5");
		assertThat(down.getBody()).contains("\"type\":\"api_error\"");

		http.delete().uri("/admin/faults/payment").retrieve().toBodilessEntity();
		assertThat(get("/payment/v1/refunds/re_123").getStatusCode().value()).isNotEqualTo(503);
	}

	@Test
	void eachBackendFailsInItsOwnDialect() {
		assertThat(FaultInjectionFilter.errorBody(Backend.ERP, 503)).startsWith("{\"error\":{\"code\":")
			.contains("\"message\":{\"lang\":\"en\"");
		assertThat(FaultInjectionFilter.errorBody(Backend.CRM, 503)).startsWith("[{\"message\"");
		assertThat(FaultInjectionFilter.errorBody(Backend.PAYMENT, 429)).contains("\"code\":\"rate_limit\"");
	}

	@Test
	void outageWithAnEndTimeHealsByItself() {
		put("/admin/faults/warehouse", "{\"outage\":true,\"outageUntil\":\"2000-01-01T00:00:00Z\"}");

		assertThat(get("/warehouse/api/v1/locations").getStatusCode().value()).isNotEqualTo(503);
	}

	@Test
	void fullErrorRateFailsEveryRequestWithTheChosenStatus() {
		put("/admin/faults/crm", "{\"errorRate\":1.0,\"errorStatus\":500}");

		assertThat(get("/crm/services/data/").getStatusCode().value()).isEqualTo(500);
	}

	@Test
	void countsRequestsEvenWhenAFaultRefusesThem() {
		long before = requestCounts.count(Backend.ERP, "GET");
		put("/admin/faults/erp", "{\"outage\":true}");

		get("/erp/sap/opu/odata/sap/API_SALES_ORDER_SRV/");
		get("/erp/sap/opu/odata/sap/API_SALES_ORDER_SRV/");

		assertThat(requestCounts.count(Backend.ERP, "GET")).isEqualTo(before + 2);
	}

	@Test
	void rejectsNonsenseFaultsAndUnknownBackends() {
		assertThat(put("/admin/faults/erp", "{\"errorRate\":2.5}").getStatusCode().value()).isEqualTo(400);
		assertThat(put("/admin/faults/erp", "{\"errorStatus\":200}").getStatusCode().value()).isEqualTo(400);
		assertThat(put("/admin/faults/mainframe", "{\"outage\":true}").getStatusCode().value()).isEqualTo(404);
		assertThat(faults.current(Backend.ERP).outage()).isFalse();
	}

	private ResponseEntity<String> get(String path) {
		return http.get().uri(path).retrieve().toEntity(String.class);
	}

	private ResponseEntity<String> put(String path, String json) {
		return http.put().uri(path).contentType(MediaType.APPLICATION_JSON).body(json).retrieve().toEntity(String.class);
	}
}
