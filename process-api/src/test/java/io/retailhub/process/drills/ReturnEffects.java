package io.retailhub.process.drills;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.retailhub.process.e2e.HubSandbox;
import io.retailhub.process.e2e.ProcessApi;
import io.retailhub.sandbox.backends.SandboxCredentials;
import io.retailhub.sandbox.backends.faults.Backend;
import tools.jackson.databind.JsonNode;

import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the sandbox backends hold for one return, counted where each backend keeps it and by the
 * keys the hub writes with: customer returns (RMAs) and credit memo requests in ERP under the
 * return's references, CRM cases of the order about the return (and their comments), refunds at
 * the payment provider under the refund's reference and on the order's PaymentIntent. A drill
 * reads them after the faults are healed: the reads go through the sandbox's fault injection too.
 *
 * @param rmas ERP customer returns whose external reference is the return number
 * @param creditMemos ERP credit memo requests whose external reference is {@code CM-<return number>}
 * @param cases CRM cases of the order about this return (its external ID or its number in the subject)
 * @param duplicatedComments comment bodies that occur more than once on the return's case
 * @param refundsUnderReference refunds the provider holds for the order under the refund's reference
 * @param refundsOnPayment refunds on the order's PaymentIntent, seeded ones included
 */
public record ReturnEffects(int rmas, int creditMemos, int cases, List<String> duplicatedComments, int refundsUnderReference,
		int refundsOnPayment) {

	private static final String ODATA = "/sap/opu/odata/sap";

	/** Counts the effects of a return as process-api shows it ({@code GET /returns/{id}}, {@code GET /workflows/{id}}). */
	public static ReturnEffects of(ProcessApi api, String returnId, String paymentIntentId) {
		JsonNode ret = api.returnOf(returnId);
		String returnNumber = ret.path("returnNumber").asString();
		String orderId = ret.path("orderId").asString();
		String refundId = api.workflow(returnId).path("refundId").asString();
		List<JsonNode> cases = systemApi("/api/system/v1/cases?orderId={order}", orderId).valueStream()
			.filter(c -> ("return-" + returnNumber).equals(c.path("externalId").asString())
					|| c.path("subject").asString().contains(returnNumber))
			.toList();
		List<String> duplicated = cases.stream()
			.flatMap(c -> systemApi("/api/system/v1/cases/{id}", c.path("id").asString()).path("comments").valueStream())
			.map(c -> c.path("body").asString())
			.collect(Collectors.groupingBy(Function.identity(), Collectors.counting()))
			.entrySet()
			.stream()
			.filter(e -> e.getValue() > 1)
			.map(Map.Entry::getKey)
			.toList();
		int refunds = refundId.isEmpty() ? 0
				: systemApi("/api/system/v1/refunds?orderId={order}&reference={reference}", orderId, refundId).size();
		return new ReturnEffects(erpDocuments("API_CUSTOMER_RETURN_SRV/A_CustomerReturn", returnNumber),
				erpDocuments("API_CREDIT_MEMO_REQUEST_SRV/A_CreditMemoRequest", "CM-" + returnNumber), cases.size(),
				duplicated, refunds, HubSandbox.refundsAtPayment(paymentIntentId));
	}

	/**
	 * Zero lost, zero duplicated: one RMA, one case (no comment twice), one refund under the
	 * reference and one more on the PaymentIntent than before the return, one credit memo.
	 */
	public void assertExactlyOnce(int refundsOnPaymentBefore) {
		assertThat(rmas).as("RMAs in ERP").isEqualTo(1);
		assertThat(cases).as("CRM cases").isEqualTo(1);
		assertThat(duplicatedComments).as("case comments posted twice").isEmpty();
		assertThat(refundsUnderReference).as("refunds at payment under the refund's reference").isEqualTo(1);
		assertThat(refundsOnPayment).as("refunds on the PaymentIntent").isEqualTo(refundsOnPaymentBefore + 1);
		assertThat(creditMemos).as("credit memos in ERP").isEqualTo(1);
	}

	/** ERP documents of an entity set whose {@code PurchaseOrderByCustomer} (the hub's external reference) is {@code reference}. */
	private static int erpDocuments(String entitySet, String reference) {
		SandboxCredentials credentials = HubSandbox.backendBean(SandboxCredentials.class);
		JsonNode feed = RestClient.create()
			.get()
			.uri(HubSandbox.backendUrl(Backend.ERP) + ODATA + "/" + entitySet + "?$filter={filter}",
					"PurchaseOrderByCustomer eq '" + reference + "'")
			.headers(headers -> headers.setBasicAuth(credentials.erpUsername(), credentials.erpPassword()))
			.header("Accept", "application/json")
			.retrieve()
			.body(JsonNode.class);
		return feed.path("d").path("results").size();
	}

	private static JsonNode systemApi(String path, Object... variables) {
		return HubSandbox.withServiceToken().build().get().uri(HubSandbox.systemApiUrl() + path, variables).retrieve().body(JsonNode.class);
	}
}
