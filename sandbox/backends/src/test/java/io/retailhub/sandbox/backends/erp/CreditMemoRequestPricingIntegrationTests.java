package io.retailhub.sandbox.backends.erp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;

import io.retailhub.sandbox.backends.SandboxBackendsApplication;
import io.retailhub.sandbox.backends.SandboxCredentials;
import io.retailhub.sandbox.backends.data.DemoData;
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
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * What a credit memo request credits: ERP prices each item itself on create; a client changes the
 * amount through the item's price condition ({@code A_CreditMemoReqItemPrcgElmnt}) by MERGE, under
 * the request's ETag, and the item's {@code NetAmount} and the request's total follow.
 */
@SpringBootTest(classes = SandboxBackendsApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.config.name=" + SandboxBackendsApplication.CONFIG_NAME, "spring.main.banner-mode=off" })
class CreditMemoRequestPricingIntegrationTests {

	private static final String CREDIT_MEMOS = "/erp/sap/opu/odata/sap/API_CREDIT_MEMO_REQUEST_SRV";

	private static final AtomicInteger nextReference = new AtomicInteger();

	@LocalServerPort
	int port;

	@Autowired
	DemoData data;

	@Autowired
	SandboxCredentials credentials;

	@Autowired
	ErpEffects effects;

	RestTestClient erp;

	Csrf csrf;

	@BeforeEach
	void connect() {
		erp = ErpOData.client(port, credentials);
		csrf = ErpOData.fetchToken(erp, CREDIT_MEMOS);
	}

	@Test
	void creditsTheAmountSetOnTheItemsPriceConditionUnderTheRequestsEtag() {
		// given a credit memo request for both units of line 10, priced by ERP at what they cost
		String request = createCreditMemoRequest(data.order(DemoData.Showcase.DELIVERED_ORDER), 2);
		String etag = requestEtag(request);
		JsonNode condition = item(request).path("to_PricingElement").path("results").get(0);
		long changedBefore = effects.count(ErpEffects.CREDIT_MEMO_REQUEST_PRICES_CHANGED);

		// when the client states 35.10 for the two units (a refund less a fee) on the price condition
		HttpHeaders answer = mergePrice(request, condition, etag,
				"{\"ConditionRateValue\":\"35.10\",\"ConditionQuantity\":\"2\",\"ConditionQuantityUnit\":\"PC\"}")
			.expectStatus()
			.isNoContent()
			.returnResult()
			.getResponseHeaders();

		// then the item and the request credit exactly that, the request's ETag moved, the condition has none
		JsonNode item = item(request);
		assertThat(condition.path("ConditionType").asString()).isEqualTo("PPR0");
		assertThat(item.path("NetAmount").asString()).isEqualTo("35.10");
		assertThat(header(request).path("TotalNetAmount").asString()).isEqualTo("35.10");
		JsonNode changed = item.path("to_PricingElement").path("results").get(0);
		assertThat(changed.path("ConditionAmount").asString()).isEqualTo("35.10");
		assertThat(changed.path("ConditionIsManuallyChanged").asBoolean()).isTrue();
		assertThat(changed.path("__metadata").has("etag")).isFalse();
		assertThat(answer.getETag()).isNull();
		assertThat(requestEtag(request)).isNotEqualTo(etag);
		assertThat(effects.count(ErpEffects.CREDIT_MEMO_REQUEST_PRICES_CHANGED)).isEqualTo(changedBefore + 1);
	}

	@Test
	void refusesAPriceChangeWithoutOrWithAStaleEtagAndChangesNothing() {
		String request = createCreditMemoRequest(data.order(DemoData.Showcase.DELIVERED_ORDER), 1);
		JsonNode condition = item(request).path("to_PricingElement").path("results").get(0);
		String amount = item(request).path("NetAmount").asString();
		String stale = requestEtag(request);
		mergePrice(request, condition, stale, "{\"ConditionRateValue\":\"5.00\"}").expectStatus().isNoContent();
		mergePrice(request, condition, requestEtag(request), "{\"ConditionRateValue\":\"" + amount + "\"}")
			.expectStatus()
			.isNoContent();

		mergePrice(request, condition, stale, "{\"ConditionRateValue\":\"1.00\"}").expectStatus()
			.isEqualTo(412)
			.expectBody()
			.jsonPath("$.error.code")
			.isEqualTo("/IWBEP/CM_V4_APPS/018");
		mergePrice(request, condition, null, "{\"ConditionRateValue\":\"1.00\"}").expectStatus().isEqualTo(428);

		assertThat(item(request).path("NetAmount").asString()).isEqualTo(amount);
	}

	@Test
	void refusesFieldsPricingOwnsAndRatesThatAreNoAmount() {
		String request = createCreditMemoRequest(data.order(DemoData.Showcase.DELIVERED_ORDER), 1);
		JsonNode condition = item(request).path("to_PricingElement").path("results").get(0);
		String etag = requestEtag(request);

		mergePrice(request, condition, etag, "{\"ConditionAmount\":\"1.00\"}").expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.error.innererror.errordetails[0].target")
			.isEqualTo("ConditionAmount");
		mergePrice(request, condition, etag, "{\"ConditionType\":\"DM01\"}").expectStatus().isBadRequest();
		mergePrice(request, condition, etag, "{\"ConditionRateValue\":\"-1\"}").expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.error.innererror.errordetails[0].target")
			.isEqualTo("ConditionRateValue");
		mergePrice(request, condition, etag, "{\"ConditionRateValue\":\"99999999999999\"}").expectStatus()
			.isBadRequest();

		assertThat(requestEtag(request)).isEqualTo(etag);
	}

	private RestTestClient.ResponseSpec mergePrice(String request, JsonNode condition, String etag, String body) {
		RestTestClient.RequestBodySpec merge = erp.post()
			.uri(CREDIT_MEMOS + "/A_CreditMemoReqItemPrcgElmnt(CreditMemoRequest='{request}',CreditMemoRequestItem='10',"
					+ "PricingProcedureStep='{step}',PricingProcedureCounter='{counter}')", request,
					condition.path("PricingProcedureStep").asString(), condition.path("PricingProcedureCounter").asString())
			.header("X-HTTP-Method", "MERGE")
			.header("x-csrf-token", csrf.token())
			.header(HttpHeaders.COOKIE, csrf.cookie())
			.contentType(MediaType.APPLICATION_JSON);
		if (etag != null) {
			merge.header(HttpHeaders.IF_MATCH, etag);
		}
		return merge.body(body).exchange();
	}

	private String createCreditMemoRequest(DemoOrder order, int units) {
		String body = """
				{"CreditMemoRequestType":"GA2","SoldToParty":"%s","PurchaseOrderByCustomer":"CM-PRICE-%d",
				 "SDDocumentReason":"009","ReferenceSDDocument":"%s",
				 "to_Item":{"results":[{"RequestedQuantity":"%d","ReferenceSDDocumentItem":"10"}]}}"""
			.formatted(order.customerNumber(), nextReference.incrementAndGet(), order.salesOrder(), units);
		byte[] created = ErpOData.post(erp, csrf, CREDIT_MEMOS + "/A_CreditMemoRequest", body)
			.expectStatus()
			.isCreated()
			.returnResult(byte[].class)
			.getResponseBody();
		return JsonMapper.shared().readTree(created).path("d").path("CreditMemoRequest").asString();
	}

	private JsonNode header(String request) {
		byte[] body = erp.get()
			.uri(CREDIT_MEMOS + "/A_CreditMemoRequest('{request}')?$expand=to_Item/to_PricingElement", request)
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(byte[].class)
			.getResponseBody();
		return JsonMapper.shared().readTree(body).path("d");
	}

	private JsonNode item(String request) {
		return header(request).path("to_Item").path("results").get(0);
	}

	private String requestEtag(String request) {
		return erp.get()
			.uri(CREDIT_MEMOS + "/A_CreditMemoRequest('{request}')", request)
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult()
			.getResponseHeaders()
			.getETag();
	}
}
