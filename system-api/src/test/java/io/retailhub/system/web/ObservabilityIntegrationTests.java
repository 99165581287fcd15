package io.retailhub.system.web;

import static io.retailhub.system.support.SystemApiHttp.get;
import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import io.retailhub.system.support.SystemApiHttp;
import io.retailhub.system.support.SystemApiIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/** What ops and integrators rely on: the API description, health per backend and metrics. */
@SystemApiIntegrationTest
class ObservabilityIntegrationTests {

	@LocalServerPort
	int port;

	RestClient http;

	@BeforeEach
	void client() {
		http = SystemApiHttp.client(port, "");
	}

	@Test
	void publishesItsOpenApiDescriptionAndSwaggerUi() {
		String apiDocs = get(http, "/v3/api-docs").getBody();

		assertThat(JsonPath.<Object>read(apiDocs, "$.paths['/api/system/v1/orders/{orderId}'].get")).isNotNull();
		assertThat(JsonPath.<Object>read(apiDocs, "$.paths['/api/system/v1/refunds'].post")).isNotNull();
		assertThat(JsonPath.<Object>read(apiDocs, "$.paths['/api/system/v1/cases/{id}/comments'].post")).isNotNull();
		assertThat(get(http, "/swagger-ui/index.html").getStatusCode().value()).isEqualTo(200);
	}

	@Test
	void reportsOneHealthComponentPerBackend() {
		String health = get(http, "/actuator/health").getBody();

		for (String backend : new String[] { "erp", "crm", "payment", "warehouse", "commerce" }) {
			assertThat(JsonPath.<String>read(health, "$.components.backends.components." + backend + ".status"))
				.isIn("UP", "UNKNOWN", "DEGRADED");
		}
	}

	@Test
	void exposesResilienceHttpClientAndServerMetricsToPrometheus() {
		get(http, "/api/system/v1/orders/WEB-100001");

		String metrics = get(http, "/actuator/prometheus").getBody();

		assertThat(metrics).contains("resilience4j_circuitbreaker_state{")
			.contains("resilience4j_retry_calls_total{")
			.contains("resilience4j_bulkhead_available_concurrent_calls{")
			.contains("resilience4j_timelimiter_calls_total{")
			.contains("resilience4j_ratelimiter_available_permissions{")
			.contains("http_client_requests_seconds_count{")
			.contains("http_server_requests_seconds_count{");
	}
}
