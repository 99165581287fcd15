package io.retailhub.sandbox.backends.erp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
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
 * Changing a customer return item the way SAP clients do: MERGE tunneled through POST (or PATCH)
 * with the CSRF token and the return's ETag in {@code If-Match} (SAP declares a concurrency token
 * on the header only, so the item has no ETag of its own and its MERGE answers none); rejecting
 * the item with a reason for rejection, which shows in the item's and the header's rejection
 * status.
 */
@SpringBootTest(classes = SandboxBackendsApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.config.name=" + SandboxBackendsApplication.CONFIG_NAME, "spring.main.banner-mode=off" })
class CustomerReturnChangesIntegrationTests {

	private static final String RETURNS = "/erp/sap/opu/odata/sap/API_CUSTOMER_RETURN_SRV";

	/** Taken from the end of the demo orders, away from the ones other sandbox tests pick. */
	private static final AtomicInteger nextOrder = new AtomicInteger();

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
	void rejectsAnItemByMergeUnderTheReturnsEtagAndAnswersNoEtagForTheItem() {
		// given a customer return of one unit and the return's ETag
		Csrf csrf = fetchToken();
		String rma = createReturn(csrf, 1);
		String etag = returnEtag(rma);
		String changedBefore = header(rma).path("LastChangeDateTime").asString();
		long rejectedBefore = effects.count(ErpEffects.CUSTOMER_RETURN_ITEMS_REJECTED);

		// when the item is rejected with the tenant's "canceled by the customer" reason
		HttpHeaders answer = merge(csrf, rma, etag, "{\"SalesDocumentRjcnReason\":\"Z1\"}").expectStatus()
			.isNoContent()
			.returnResult()
			.getResponseHeaders();

		// then the item and the header say rejected, the return's ETag moved on, and no item has one
		JsonNode header = header(rma);
		JsonNode item = header.path("to_Item").path("results").get(0);
		assertThat(item.path("SalesDocumentRjcnReason").asString()).isEqualTo("Z1");
		assertThat(item.path("SDDocumentRejectionStatus").asString()).isEqualTo("C");
		assertThat(header.path("OverallSDDocumentRejectionSts").asString()).isEqualTo("C");
		assertThat(answer.getETag()).isNull();
		assertThat(returnEtag(rma)).isNotEqualTo(etag).isEqualTo(header.path("__metadata").path("etag").asString());
		assertThat(item.path("__metadata").has("etag")).isFalse();
		assertThat(itemEtag(rma, "10")).isNull();
		assertThat(header.path("LastChangeDateTime").asString()).isNotEqualTo(changedBefore);
		assertThat(effects.count(ErpEffects.CUSTOMER_RETURN_ITEMS_REJECTED)).isEqualTo(rejectedBefore + 1);
	}

	@Test
	void takesAPatchAsWellAndFreesTheRejectedQuantityForANewReturn() {
		// given an order whose two units are both on one customer return
		Csrf csrf = fetchToken();
		DemoOrder order = nextOrder();
		String rma = createReturn(csrf, order, 2);

		// when its item is rejected by PATCH
		erp.patch()
			.uri(RETURNS + "/A_CustomerReturnItem(CustomerReturn='{rma}',CustomerReturnItem='10')", rma)
			.header("x-csrf-token", csrf.token())
			.header(HttpHeaders.COOKIE, csrf.cookie())
			.header(HttpHeaders.IF_MATCH, returnEtag(rma))
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"CustomerReturn\":\"" + rma + "\",\"SalesDocumentRjcnReason\":\"Z2\"}")
			.exchange()
			.expectStatus()
			.isNoContent();

		// then the two units can be returned again
		assertThat(createReturn(csrf, order, 2)).isNotEqualTo(rma);
	}

	@Test
	void refusesAMergeWithoutCsrfTokenAndChangesNothing() {
		Csrf csrf = fetchToken();
		String rma = createReturn(csrf, 1);
		String etag = returnEtag(rma);

		erp.post()
			.uri(RETURNS + "/A_CustomerReturnItem(CustomerReturn='{rma}',CustomerReturnItem='10')", rma)
			.header("X-HTTP-Method", "MERGE")
			.header(HttpHeaders.IF_MATCH, etag)
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"SalesDocumentRjcnReason\":\"Z1\"}")
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectHeader()
			.valueEquals("x-csrf-token", "Required");

		assertThat(returnEtag(rma)).isEqualTo(etag);
		assertThat(header(rma).path("OverallSDDocumentRejectionSts").asString()).isEqualTo("A");
	}

	@Test
	void refusesAStaleEtagWith412AndAMissingOneWith428() {
		// given an ETag that was current before someone else changed the return
		Csrf csrf = fetchToken();
		String rma = createReturn(csrf, 1);
		String stale = returnEtag(rma);
		merge(csrf, rma, stale, "{\"SalesDocumentRjcnReason\":\"Z1\"}").expectStatus().isNoContent();
		merge(csrf, rma, returnEtag(rma), "{\"SalesDocumentRjcnReason\":\"\"}").expectStatus().isNoContent();

		// then a change with the stale ETag is refused in SAP's error body, and nothing changes
		merge(csrf, rma, stale, "{\"SalesDocumentRjcnReason\":\"Z1\"}").expectStatus()
			.isEqualTo(412)
			.expectBody()
			.jsonPath("$.error.code")
			.isEqualTo("/IWBEP/CM_V4_APPS/018")
			.jsonPath("$.error.message.value")
			.isEqualTo("A precondition (ETag) of the request does not match");
		assertThat(header(rma).path("OverallSDDocumentRejectionSts").asString()).isEqualTo("A");

		// and one without If-Match must first ask for the ETag
		erp.post()
			.uri(RETURNS + "/A_CustomerReturnItem(CustomerReturn='{rma}',CustomerReturnItem='10')", rma)
			.header("X-HTTP-Method", "MERGE")
			.header("x-csrf-token", csrf.token())
			.header(HttpHeaders.COOKIE, csrf.cookie())
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"SalesDocumentRjcnReason\":\"Z1\"}")
			.exchange()
			.expectStatus()
			.isEqualTo(428)
			.expectBody()
			.jsonPath("$.error.code")
			.isEqualTo("/IWBEP/CM_V4_APPS/017");
	}

	@Test
	void refusesReadOnlyFieldsUnknownReasonsAndKeyChanges() {
		Csrf csrf = fetchToken();
		String rma = createReturn(csrf, 1);
		String etag = returnEtag(rma);
		long changedBefore = effects.count(ErpEffects.CUSTOMER_RETURN_ITEMS_CHANGED);

		merge(csrf, rma, etag, "{\"NetAmount\":\"0.00\"}").expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.error.innererror.errordetails[0].target")
			.isEqualTo("NetAmount");
		merge(csrf, rma, etag, "{\"SDDocumentRejectionStatus\":\"C\"}").expectStatus().isBadRequest();
		merge(csrf, rma, etag, "{\"CustomerReturnItem\":\"20\"}").expectStatus().isBadRequest();
		merge(csrf, rma, etag, "{\"SalesDocumentRjcnReason\":\"QQ\"}").expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.error.code")
			.isEqualTo("V1/147");

		assertThat(returnEtag(rma)).isEqualTo(etag);
		assertThat(effects.count(ErpEffects.CUSTOMER_RETURN_ITEMS_CHANGED)).isEqualTo(changedBefore);
	}

	@Test
	void answersAnUnknownItemWith404() {
		Csrf csrf = fetchToken();
		String rma = createReturn(csrf, 1);

		erp.post()
			.uri(RETURNS + "/A_CustomerReturnItem(CustomerReturn='{rma}',CustomerReturnItem='990')", rma)
			.header("X-HTTP-Method", "MERGE")
			.header("x-csrf-token", csrf.token())
			.header(HttpHeaders.COOKIE, csrf.cookie())
			.header(HttpHeaders.IF_MATCH, "*")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"SalesDocumentRjcnReason\":\"Z1\"}")
			.exchange()
			.expectStatus()
			.isNotFound();
	}

	/** MERGE tunneled through POST, with the token, its session and the ETag, on item 10 of the return. */
	private RestTestClient.ResponseSpec merge(Csrf csrf, String rma, String etag, String body) {
		return erp.post()
			.uri(RETURNS + "/A_CustomerReturnItem(CustomerReturn='{rma}',CustomerReturnItem='10')", rma)
			.header("X-HTTP-Method", "MERGE")
			.header("x-csrf-token", csrf.token())
			.header(HttpHeaders.COOKIE, csrf.cookie())
			.header(HttpHeaders.IF_MATCH, etag)
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.exchange();
	}

	private JsonNode header(String rma) {
		byte[] body = erp.get()
			.uri(RETURNS + "/A_CustomerReturn('{rma}')?$expand=to_Item", rma)
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(byte[].class)
			.getResponseBody();
		return JsonMapper.shared().readTree(body).path("d");
	}

	/** The return's ETag, from the header of a key read. */
	private String returnEtag(String rma) {
		return etag(RETURNS + "/A_CustomerReturn('{rma}')", rma);
	}

	/** The ETag header of an item's key read; null when the item has none. */
	private String itemEtag(String rma, String item) {
		return etag(RETURNS + "/A_CustomerReturnItem(CustomerReturn='{rma}',CustomerReturnItem='{item}')", rma, item);
	}

	private String etag(String uri, Object... variables) {
		return erp.get().uri(uri, variables).exchange().expectStatus().isOk().returnResult().getResponseHeaders().getETag();
	}

	private Csrf fetchToken() {
		return ErpOData.fetchToken(erp, RETURNS);
	}

	private String createReturn(Csrf csrf, int quantity) {
		return createReturn(csrf, nextOrder(), quantity);
	}

	private String createReturn(Csrf csrf, DemoOrder order, int quantity) {
		String reference = "RJ-" + order.salesOrder() + "-" + System.nanoTime() % 100000;
		byte[] created = ErpOData.post(erp, csrf, RETURNS + "/A_CustomerReturn",
				ErpOData.customerReturn(order, "10", quantity, reference))
			.expectStatus()
			.isCreated()
			.returnResult(byte[].class)
			.getResponseBody();
		return JsonMapper.shared().readTree(created).path("d").path("CustomerReturn").asString();
	}

	/** A seeded order with two units on item 10 and nothing returned, from the end of the list; one per call. */
	private DemoOrder nextOrder() {
		List<DemoOrder> candidates = data.orders()
			.stream()
			.filter(o -> o.returns().isEmpty() && o.lines().get(0).quantity() == 2)
			.toList();
		return candidates.get(candidates.size() - 1 - nextOrder.getAndIncrement());
	}
}
