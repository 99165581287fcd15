package io.retailhub.system.web;

import static io.retailhub.system.support.SystemApiHttp.get;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import io.retailhub.sandbox.backends.data.DemoOrder;
import io.retailhub.sandbox.backends.faults.Backend;
import io.retailhub.system.erp.ErpTestOrders;
import io.retailhub.system.support.Sandbox;
import io.retailhub.system.support.SystemApiHttp;
import io.retailhub.system.support.SystemApiIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/**
 * What ops and integrators rely on: the API description, health per backend, metrics, and log
 * lines that name the request they belong to.
 */
@SystemApiIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
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
		// the servlet container's error page is no operation of the API
		assertThat(JsonPath.<Map<String, Object>>read(apiDocs, "$.paths")).doesNotContainKey("/error");
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
			.contains("http_server_requests_seconds_count{")
			// each backend's calls apart, for the dashboards' latency and error panels per backend
			.containsPattern("http_client_requests_seconds_count\\{[^}]*backend=\"erp\"")
			.containsPattern("http_client_requests_seconds_count\\{[^}]*backend=\"warehouse\"");
		// and the OpenMetrics answer Prometheus asks for carries no trace exemplars, which Prometheus
		// before 2.43 refuses along with the whole scrape
		String openMetrics = http.get()
			.uri("/actuator/prometheus")
			.header("Accept", "application/openmetrics-text;version=1.0.0")
			.retrieve()
			.body(String.class);
		assertThat(openMetrics).contains("http_client_requests_seconds_count{").doesNotContain("trace_id=");
	}

	@Test
	void theLogLineOfA500CarriesTheCorrelationIdTheCallerWasAnswered(CapturedOutput output) {
		ResponseEntity<String> answer = http.get()
			.uri("/test/failures/unexpected")
			.header("X-Correlation-Id", "obs-500")
			.retrieve()
			.toEntity(String.class);

		assertThat(answer.getStatusCode().value()).isEqualTo(500);
		assertThat(answer.getBody()).contains("\"correlationId\":\"obs-500\"");
		// the error line names the request; the stack trace below it says what failed
		assertThat(output.getOut()).containsPattern("ERROR .*\\[obs-500 [0-9a-f]{32}/[0-9a-f]{16}\\] .*unexpected error on GET /test/failures/unexpected")
			.contains(FailureProbeController.SECRET);
	}

	@Test
	void whatAnAdapterLogsWhileCallingItsBackendCarriesTheRequestsCorrelationId(CapturedOutput output) {
		DemoOrder order = ErpTestOrders.untouchedDeliveredOrder(1);
		String reference = ErpTestOrders.reference("OBS");

		ResponseEntity<String> answer = http.post()
			.uri("/api/system/v1/return-authorizations")
			.header("X-Correlation-Id", "obs-rma")
			.contentType(MediaType.APPLICATION_JSON)
			.body("""
					{"externalReference":"%s","orderId":"%s","lines":[{"lineNumber":"%s","quantity":1,"reason":"STYLE"}]}"""
				.formatted(reference, order.orderNumber(), order.lines().get(0).itemNumber()))
			.retrieve()
			.toEntity(String.class);

		// the adapter logs the new document on the thread that called ERP, not the request's, in the request's trace
		assertThat(answer.getStatusCode().value()).isEqualTo(201);
		assertThat(output.getOut().lines().filter(line -> line.contains("(reference " + reference + ")")))
			.singleElement()
			.satisfies(line -> assertThat(line).containsPattern("call-\\d+\\] ")
				.containsPattern("\\[obs-rma [0-9a-f]{32}/[0-9a-f]{16}\\] "));
	}

	@Test
	void everyLogLineOfARequestCarriesItsCorrelationId(CapturedOutput output) {
		Sandbox.outage(Backend.ERP);

		ResponseEntity<String> answer = http.get()
			.uri("/api/system/v1/orders/WEB-100001")
			.header("X-Correlation-Id", "obs-503")
			.retrieve()
			.toEntity(String.class);

		assertThat(answer.getStatusCode().value()).isEqualTo(503);
		assertThat(output.getOut().lines().filter(line -> line.contains("backend unavailable"))).isNotEmpty()
			.allSatisfy(line -> assertThat(line).containsPattern("\\[obs-503( [0-9a-f]{32}/[0-9a-f]{16})?\\] "));
	}
}
