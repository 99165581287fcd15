package io.retailhub.sandbox.backends.state;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import io.retailhub.sandbox.backends.data.DemoOrder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The sandbox on a state directory, stopped and started again three days later: what each
 * backend created or changed in the first run is there in the second, on the same demo world, and
 * new documents get numbers the first run never handed out. The first run's documents are made
 * once, before the tests; each test reads what its backend kept. (Idempotency keys and webhooks
 * are kept for 30 days here, so that they outlive the three days.)
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SandboxRestartIntegrationTests {

	@TempDir
	static Path directory;

	RunningSandbox second;

	SandboxClient sandbox;

	/** What the first run made. */
	DemoOrder returned;

	DemoOrder rejected;

	String rma;

	String rejectedRma;

	String creditMemo;

	String salesOrder;

	String caseId;

	String caseNumber;

	String commentId;

	String refundId;

	String receiptId;

	String pendingEventId;

	int onHandAfterReceipt;

	JsonNode firstWorld;

	String firstOrderChange;

	@BeforeAll
	void createInEveryBackendThenRestartThreeDaysLater() throws IOException {
		try (RunningSandbox first = RunningSandbox.start(directory, Clock.systemUTC())) {
			SandboxClient client = first.client();
			returned = first.untouchedDeliveredOrder();
			rejected = first.untouchedDeliveredOrder();
			// ERP: a return, one rejected, a credit memo, a placed order
			rma = client.createCustomerReturn(returned, 1);
			rejectedRma = client.createCustomerReturn(rejected, 1);
			client.rejectCustomerReturnItem(rejectedRma);
			creditMemo = client.createCreditMemoRequest(returned, 1);
			salesOrder = client.placeSalesOrder("WEB-STATE-1").expect(201).json().path("salesOrder").asString();
			// CRM: a case with a comment
			JsonNode upserted = client.upsertCase("STATE-CASE-1", first.data().customer(returned.customerNumber())
				.contactId()).expect(201).json();
			caseId = upserted.path("id").asString();
			caseNumber = client.crm("GET", "/sobjects/Case/" + caseId, null).expect(200).json().path("CaseNumber")
				.asString();
			commentId = client.comment(caseId, "Parcel expected");
			// payment: a refund under an idempotency key
			refundId = client.refund("state-refund-1", returned.paymentIntentId(), 100).expect(200).json().path("id")
				.asString();
			// warehouse: the parcel of the return, announced to a subscriber that cannot be reached
			client.subscribeWebhooks("http://localhost:" + closedPort() + "/hooks");
			JsonNode receipt = client.receive(rma).expect(201).json();
			receiptId = receipt.path("receipt_id").asString();
			onHandAfterReceipt = onHand(client, receipt);
			await().atMost(Duration.ofSeconds(10))
				.untilAsserted(() -> assertThat(client.webhookDeliveries().get(0).path("attempts").asInt()).isPositive());
			pendingEventId = client.webhookDeliveries().get(0).path("id").asString();
			firstWorld = client.state().path("world");
			firstOrderChange = client.salesOrder(returned.salesOrder()).json().path("d").path("LastChangeDateTime")
				.asString();
		}
		second = RunningSandbox.start(directory, Clock.offset(Clock.systemUTC(), Duration.ofDays(3)));
		sandbox = second.client();
	}

	@AfterAll
	void stop() {
		if (second != null) {
			second.close();
		}
	}

	@Test
	void erpKeepsItsReturnsCreditMemosAndPlacedOrdersAsTheyWereChanged() {
		JsonNode kept = sandbox.customerReturn(rma).expect(200).json().path("d");
		assertThat(kept.path("ReferenceSDDocument").asString()).isEqualTo(returned.salesOrder());
		assertThat(kept.path("to_Item").path("results").get(0).path("ReturnsMaterialHasBeenReceived").asString())
			.isEqualTo("X");
		JsonNode keptRejected = sandbox.customerReturn(rejectedRma).expect(200).json().path("d");
		assertThat(keptRejected.path("OverallSDDocumentRejectionSts").asString()).isEqualTo("C");
		assertThat(keptRejected.path("to_Item").path("results").get(0).path("SalesDocumentRjcnReason").asString())
			.isEqualTo("Z1");
		assertThat(sandbox.creditMemoRequest(creditMemo).expect(200).json().path("d").path("ReferenceSDDocument")
			.asString()).isEqualTo(returned.salesOrder());
		assertThat(sandbox.salesOrder(salesOrder).expect(200).json().path("d").path("PurchaseOrderByCustomer")
			.asString()).isEqualTo("WEB-STATE-1");
		assertThat(sandbox.placeSalesOrder("WEB-STATE-1").status()).isEqualTo(409);
	}

	@Test
	void erpHandsOutNumbersTheFirstRunDidNot() {
		DemoOrder order = second.untouchedDeliveredOrder();

		String newRma = sandbox.createCustomerReturn(order, 1);
		String newCreditMemo = sandbox.createCreditMemoRequest(order, 1);
		String newSalesOrder = sandbox.placeSalesOrder("WEB-STATE-2").expect(201).json().path("salesOrder").asString();

		assertThat(Long.parseLong(newRma)).isGreaterThan(Math.max(Long.parseLong(rma), Long.parseLong(rejectedRma)));
		assertThat(Long.parseLong(newCreditMemo)).isGreaterThan(Long.parseLong(creditMemo));
		assertThat(Long.parseLong(newSalesOrder)).isGreaterThan(Long.parseLong(salesOrder));
	}

	@Test
	void crmKeepsItsCasesCommentsAndExternalIds() {
		assertThat(sandbox.crm("GET", "/sobjects/Case/" + caseId, null).expect(200).json().path("CaseNumber")
			.asString()).isEqualTo(caseNumber);
		assertThat(sandbox.crm("GET", "/sobjects/CaseComment/" + commentId, null).expect(200).json().path("ParentId")
			.asString()).isEqualTo(caseId);
		String contact = second.data().customer(returned.customerNumber()).contactId();
		JsonNode again = sandbox.upsertCase("STATE-CASE-1", contact).expect(200).json();
		assertThat(again.path("id").asString()).isEqualTo(caseId);

		JsonNode another = sandbox.upsertCase("STATE-CASE-2", contact).expect(201).json();

		assertThat(another.path("id").asString()).isNotEqualTo(caseId);
		String anotherNumber = sandbox.crm("GET", "/sobjects/Case/" + another.path("id").asString(), null)
			.json()
			.path("CaseNumber")
			.asString();
		assertThat(Long.parseLong(anotherNumber)).isGreaterThan(Long.parseLong(caseNumber));
	}

	@Test
	void paymentKeepsItsRefundsAndReplaysTheirIdempotencyKeys() {
		assertThat(sandbox.payment("/refunds/" + refundId).expect(200).json().path("amount").asLong()).isEqualTo(100);

		SandboxClient.Answer retried = sandbox.refund("state-refund-1", returned.paymentIntentId(), 100).expect(200);

		assertThat(retried.header("Idempotent-Replayed")).as(retried.body()).isEqualTo("true");
		assertThat(retried.json().path("id").asString()).isEqualTo(refundId);
		assertThat(sandbox.payment("/refunds?payment_intent=" + returned.paymentIntentId()).json().path("data").size())
			.isOne();
	}

	@Test
	void warehouseKeepsItsReceiptsStockAndUndeliveredWebhooks() throws Exception {
		JsonNode receipt = sandbox.warehouse("/return-receipts/" + receiptId).expect(200).json();
		assertThat(receipt.path("rma_number").asString()).isEqualTo(rma);
		assertThat(onHand(sandbox, receipt)).isEqualTo(onHandAfterReceipt);
		SandboxClient.Answer again = sandbox.receive(rma);
		assertThat(again.json().path("code").asString()).as(again.body()).isEqualTo("already_received");

		try (WebhookSubscriber subscriber = new WebhookSubscriber()) {
			sandbox.subscribeWebhooks(subscriber.url());
			await().atMost(Duration.ofSeconds(10))
				.untilAsserted(() -> assertThat(subscriber.bodies()).anyMatch(body -> body.contains(pendingEventId)));
		}

		String newRma = sandbox.createCustomerReturn(second.untouchedDeliveredOrder(), 1);
		String newReceipt = sandbox.receive(newRma).expect(201).json().path("receipt_id").asString();
		assertThat(newReceipt).isGreaterThan(receiptId);
	}

	@Test
	void keepsTheDemoWorldOfTheFirstRunOnALaterDay() {
		assertThat(sandbox.state().path("world")).isEqualTo(firstWorld);
		assertThat(sandbox.salesOrder(returned.salesOrder()).json().path("d").path("LastChangeDateTime").asString())
			.isEqualTo(firstOrderChange);
		assertThat(sandbox.state().path("savedAt").isNull()).isFalse();
	}

	@Test
	void refusesToRestoreOntoAnotherWorld(@TempDir Path elsewhere) {
		RunningSandbox.start(elsewhere, Clock.systemUTC(), "sandbox.data.customers=4", "sandbox.data.orders=6").close();

		assertThatThrownBy(() -> RunningSandbox.start(elsewhere, Clock.systemUTC(), "sandbox.data.customers=4",
				"sandbox.data.orders=6", "sandbox.data.seed=7"))
			.hasStackTraceContaining("start with the same sandbox.data settings");
	}

	private static int onHand(SandboxClient client, JsonNode receipt) {
		String sku = receipt.path("lines").get(0).path("sku").asString();
		return client.warehouse("/stock?sku=" + sku + "&location_id=" + receipt.path("warehouse_id").asString())
			.expect(200)
			.json()
			.path("data")
			.get(0)
			.path("on_hand")
			.asInt();
	}

	/** A port nothing listens on: deliveries to it are refused at once. */
	private static int closedPort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}
}
