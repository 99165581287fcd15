package io.retailhub.system.erp;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import io.retailhub.contracts.CreditMemo;
import io.retailhub.contracts.CreditMemoLine;
import io.retailhub.contracts.Money;
import io.retailhub.contracts.OrderId;
import io.retailhub.contracts.commands.CreateCreditMemo;
import io.retailhub.contracts.commands.CreditMemoLineRequest;
import io.retailhub.sandbox.backends.data.DemoInvoice;
import io.retailhub.sandbox.backends.data.DemoOrder;
import io.retailhub.sandbox.backends.data.DemoOrderLine;
import io.retailhub.sandbox.backends.erp.ErpEffects;
import io.retailhub.sandbox.backends.faults.Backend;
import io.retailhub.sandbox.backends.faults.RequestCounts;
import io.retailhub.system.backend.CreateOutcome;
import io.retailhub.system.support.Sandbox;
import io.retailhub.system.support.SystemApiIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * What a credit memo request credits at ERP is the refund, not what ERP priced the item at:
 * {@code NetAmount} cannot be sent, so the adapter creates the request and then writes each
 * line's amount to the item's price condition. Counted and compared at the sandbox.
 */
@SystemApiIntegrationTest
class SapErpCreditAmountsIntegrationTests {

	@Autowired
	SapErpAdapter erp;

	@Autowired
	ApplicationContext context;

	final ErpEffects effects = Sandbox.bean(ErpEffects.class);

	final RequestCounts requests = Sandbox.bean(RequestCounts.class);

	@Test
	void creditsAFeeReducedRefundNotWhatErpPricedTheItemAt() {
		// given an order line and a refund of one unit less a fee
		DemoOrder order = ErpTestOrders.untouchedDeliveredOrder(1);
		Money refund = paidForOne(order, 0).minus(Money.of("2.50", order.currency()));
		long created = effects.count(ErpEffects.CREDIT_MEMO_REQUESTS_CREATED);
		long priced = effects.count(ErpEffects.CREDIT_MEMO_REQUEST_PRICES_CHANGED);

		// when the credit memo is posted
		CreditMemo memo = erp.createCreditMemo(credit(order, ErpTestOrders.reference("CM-FEE"), line(order, 0, refund)));

		// then ERP credits exactly the refund, on one new document with one price change
		JsonNode atErp = ErpDocuments.creditMemoRequest(memo.id().value());
		assertThat(new BigDecimal(atErp.path("TotalNetAmount").asString())).isEqualByComparingTo(refund.amount());
		assertThat(new BigDecimal(atErp.path("to_Item").path("results").get(0).path("NetAmount").asString()))
			.isEqualByComparingTo(refund.amount());
		assertThat(memo.total()).isEqualTo(refund);
		assertThat(memo.lines()).extracting(CreditMemoLine::amount).containsExactly(refund);
		assertThat(effects.count(ErpEffects.CREDIT_MEMO_REQUESTS_CREATED)).isEqualTo(created + 1);
		assertThat(effects.count(ErpEffects.CREDIT_MEMO_REQUEST_PRICES_CHANGED)).isEqualTo(priced + 1);
	}

	@Test
	void creditsEachLineOfAPartialCreditUnderTheRequestsEtagReadAfresh() {
		// given an order of two lines, credited partly: a third of line 10's unit, line 20 less a fee
		DemoOrder order = orderOfTwoLines();
		Money first = paidForOne(order, 0).share(1, 3);
		Money second = paidForOne(order, 1).minus(Money.of("1.00", order.currency()));
		long priced = effects.count(ErpEffects.CREDIT_MEMO_REQUEST_PRICES_CHANGED);

		// when both are posted on one credit memo
		CreditMemo memo = erp.createCreditMemo(
				credit(order, ErpTestOrders.reference("CM-TWO"), line(order, 0, first), line(order, 1, second)));

		// then each item credits its line, the second written under the ETag the first change left
		JsonNode items = ErpDocuments.creditMemoRequest(memo.id().value()).path("to_Item").path("results");
		assertThat(new BigDecimal(items.get(0).path("NetAmount").asString())).isEqualByComparingTo(first.amount());
		assertThat(new BigDecimal(items.get(1).path("NetAmount").asString())).isEqualByComparingTo(second.amount());
		assertThat(memo.total()).isEqualTo(first.plus(second));
		assertThat(effects.count(ErpEffects.CREDIT_MEMO_REQUEST_PRICES_CHANGED)).isEqualTo(priced + 2);
	}

	@Test
	void writesNoPriceWhenErpAlreadyCreditsTheRefund() {
		DemoOrder order = ErpTestOrders.untouchedDeliveredOrder(1);
		Money paid = paidForOne(order, 0);
		long priced = effects.count(ErpEffects.CREDIT_MEMO_REQUEST_PRICES_CHANGED);
		long posts = requests.count(Backend.ERP, "POST");

		CreditMemo memo = erp.createCreditMemo(credit(order, ErpTestOrders.reference("CM-PAID"), line(order, 0, paid)));

		assertThat(memo.total()).isEqualTo(paid);
		assertThat(effects.count(ErpEffects.CREDIT_MEMO_REQUEST_PRICES_CHANGED)).isEqualTo(priced);
		assertThat(requests.count(Backend.ERP, "POST") - posts).isEqualTo(1);
	}

	@Test
	void endsARepeatAfterACrashBetweenCreateAndPriceWithTheRightAmountOnce() {
		// given a credit memo request an earlier attempt created and then crashed before pricing it
		DemoOrder order = ErpTestOrders.untouchedDeliveredOrder(1);
		String reference = ErpTestOrders.reference("CM-CRASH");
		Money refund = paidForOne(order, 0).minus(Money.of("0.99", order.currency()));
		JsonNode leftBehind = ErpDocuments.create(ErpDocuments.CREDIT_MEMO_REQUEST_SRV, "A_CreditMemoRequest", """
				{"CreditMemoRequestType":"GA2","SalesOrganization":"%s","SoldToParty":"%s","PurchaseOrderByCustomer":"%s",
				 "SDDocumentReason":"009","TransactionCurrency":"%s","ReferenceSDDocument":"%s",
				 "to_Item":{"results":[{"RequestedQuantity":"1","RequestedQuantityUnit":"PC","ReferenceSDDocumentItem":"10"}]}}"""
			.formatted(order.plant(), order.customerNumber(), reference, order.currency(), order.salesOrder()));
		long created = effects.count(ErpEffects.CREDIT_MEMO_REQUESTS_CREATED);
		long priced = effects.count(ErpEffects.CREDIT_MEMO_REQUEST_PRICES_CHANGED);
		CreateCreditMemo command = credit(order, reference, line(order, 0, refund));

		// when the step is repeated, twice
		CreateOutcome<CreditMemo> repeated = erp.createOrFindCreditMemo(command);
		CreateOutcome<CreditMemo> again = erp.createOrFindCreditMemo(command);

		// then the document left behind credits the refund, with no second document and one price change
		assertThat(repeated.created()).isFalse();
		assertThat(repeated.value().id().value()).isEqualTo(leftBehind.path("CreditMemoRequest").asString());
		assertThat(repeated.value().total()).isEqualTo(refund);
		assertThat(again.value()).isEqualTo(repeated.value());
		assertThat(new BigDecimal(ErpDocuments.creditMemoRequest(leftBehind.path("CreditMemoRequest").asString())
			.path("TotalNetAmount")
			.asString())).isEqualByComparingTo(refund.amount());
		assertThat(effects.count(ErpEffects.CREDIT_MEMO_REQUESTS_CREATED)).isEqualTo(created);
		assertThat(effects.count(ErpEffects.CREDIT_MEMO_REQUEST_PRICES_CHANGED)).isEqualTo(priced + 1);
	}

	@Test
	void referencesTheInvoiceThatBilledTheLineWhenTheTenantSaysSo() {
		// given a tenant whose credits reference the invoice, and an order billed in two parcels
		SapErpAdapter invoiceTenant = ErpTestAdapters.referencing(context, ErpSettings.ReturnReference.BILLING_DOCUMENT);
		DemoOrder order = ErpTestOrders.untouchedOrderBilledTwice();
		DemoInvoice second = order.invoices().get(1);
		Money refund = paidForOne(order, 1).minus(Money.of("1.00", order.currency()));

		// when line 20, billed by the second invoice, is credited
		CreditMemo memo = invoiceTenant
			.createCreditMemo(credit(order, ErpTestOrders.reference("CM-INV"), line(order, 1, refund)));

		// then ERP's document references that invoice and its item, and credits the refund on line 20
		JsonNode atErp = ErpDocuments.creditMemoRequest(memo.id().value());
		JsonNode item = atErp.path("to_Item").path("results").get(0);
		assertThat(atErp.path("ReferenceSDDocument").asString()).isEqualTo(second.billingDocument());
		assertThat(atErp.path("ReferenceSDDocumentCategory").asString()).isEqualTo("M");
		assertThat(item.path("ReferenceSDDocumentItem").asString()).isEqualTo(second.items().get(0).billingItem());
		assertThat(new BigDecimal(item.path("NetAmount").asString())).isEqualByComparingTo(refund.amount());
		assertThat(memo.orderId()).isEqualTo(OrderId.of(order.orderNumber()));
		assertThat(memo.lines()).extracting(CreditMemoLine::lineNumber).containsExactly(order.lines().get(1).itemNumber());
		assertThat(erp.findCreditMemo(memo.id())).contains(memo);
	}

	private static DemoOrder orderOfTwoLines() {
		DemoOrder order = ErpTestOrders.untouchedDeliveredOrder(1);
		while (order.lines().size() < 2) {
			order = ErpTestOrders.untouchedDeliveredOrder(1);
		}
		return order;
	}

	/** What the customer paid for one unit of the order's line at {@code index}, as ERP prices it. */
	private static Money paidForOne(DemoOrder order, int index) {
		DemoOrderLine line = order.lines().get(index);
		return Money.of(line.netAmount().divide(BigDecimal.valueOf(line.quantity()), 2, RoundingMode.HALF_UP),
				order.currency());
	}

	private static CreditMemoLineRequest line(DemoOrder order, int index, Money amount) {
		return new CreditMemoLineRequest(order.lines().get(index).itemNumber(), 1, amount);
	}

	private static CreateCreditMemo credit(DemoOrder order, String reference, CreditMemoLineRequest... lines) {
		return new CreateCreditMemo(reference, OrderId.of(order.orderNumber()), null, List.of(lines));
	}
}
