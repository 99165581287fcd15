package io.retailhub.system.erp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;

import io.retailhub.contracts.OrderId;
import io.retailhub.contracts.ReturnAuthorization;
import io.retailhub.contracts.ReturnAuthorizationId;
import io.retailhub.contracts.ReturnLine;
import io.retailhub.contracts.ReturnReason;
import io.retailhub.contracts.commands.CreateReturnAuthorization;
import io.retailhub.contracts.commands.ReturnLineRequest;
import io.retailhub.sandbox.backends.data.DemoData;
import io.retailhub.sandbox.backends.data.DemoInvoice;
import io.retailhub.sandbox.backends.data.DemoOrder;
import io.retailhub.sandbox.backends.erp.ErpEffects;
import io.retailhub.system.backend.BackendRejectedException;
import io.retailhub.system.support.Sandbox;
import io.retailhub.system.support.SystemApiIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Returns that reference the invoice (as SAP's samples and documents entered in ERP do) instead
 * of the sales order: created so when the tenant says so, and found among an order's returns, with
 * their order lines, whatever the tenant says. The invoices are one per parcel, numbering their
 * items on their own, so an order's line 20 is item 10 of its second invoice.
 */
@SystemApiIntegrationTest
class SapErpInvoiceReferencesIntegrationTests {

	@Autowired
	SapErpAdapter erp;

	@Autowired
	ApplicationContext context;

	final ErpEffects effects = Sandbox.bean(ErpEffects.class);

	@Test
	void createsAReturnAgainstTheInvoicesThatBilledItsLinesWhenTheTenantSaysSo() {
		// given a tenant whose returns reference the invoice, and an order billed in two parcels
		DemoOrder order = ErpTestOrders.untouchedOrderBilledTwice();
		DemoInvoice first = order.invoices().get(0);
		DemoInvoice second = order.invoices().get(1);

		// when one return takes a unit of line 10 (first parcel) and of line 20 (second parcel)
		ReturnAuthorization created = invoiceTenant().createReturnAuthorization(new CreateReturnAuthorization(
				ErpTestOrders.reference("RA-INV"), OrderId.of(order.orderNumber()),
				List.of(new ReturnLineRequest("10", 1, ReturnReason.DAMAGED),
						new ReturnLineRequest("20", 1, ReturnReason.DAMAGED))));

		// then ERP's return references each invoice item, and the hub reads it back by order line
		JsonNode atErp = ErpDocuments.customerReturn(created.id().value());
		JsonNode items = atErp.path("to_Item").path("results");
		assertThat(atErp.path("ReferenceSDDocument").asString()).isEqualTo(first.billingDocument());
		assertThat(atErp.path("ReferenceSDDocumentCategory").asString()).isEqualTo("M");
		assertThat(items.get(1).path("ReferenceSDDocument").asString()).isEqualTo(second.billingDocument());
		assertThat(items.get(1).path("ReferenceSDDocumentItem").asString()).isEqualTo("10");
		assertThat(created.orderId()).isEqualTo(OrderId.of(order.orderNumber()));
		assertThat(created.lines()).extracting(ReturnLine::lineNumber, ReturnLine::quantity)
			.containsExactly(tuple("10", 1), tuple("20", 1));
		assertThat(ErpTestAdapters.fresh(context).findReturnAuthorization(created.id())).contains(created);
		assertThat(erp.findReturnAuthorizationsOfOrder(OrderId.of(order.orderNumber()))).containsExactly(created);
	}

	@Test
	void findsAReturnEnteredInErpAgainstTheInvoiceAmongTheOrdersReturns() {
		// given someone entered a return of line 20 in ERP, against the second invoice's item 10
		DemoOrder order = ErpTestOrders.untouchedOrderBilledTwice();
		DemoInvoice second = order.invoices().get(1);
		int billed = second.items().get(0).quantity();
		String rma = ErpDocuments.create(ErpDocuments.CUSTOMER_RETURN_SRV, "A_CustomerReturn", """
				{"CustomerReturnType":"CBRE","SoldToParty":"%s","PurchaseOrderByCustomer":"BY-HAND-%s",
				 "SDDocumentReason":"001","ReferenceSDDocument":"%s","to_Item":{"results":[{"RequestedQuantity":"%d",
				 "ReferenceSDDocumentItem":"10","ReturnReason":"102"}]}}"""
			.formatted(order.customerNumber(), order.salesOrder(), second.billingDocument(), billed))
			.path("CustomerReturn")
			.asString();

		// when the hub lists the order's returns, the tenant's own referencing the sales order
		List<ReturnAuthorization> returns = erp.findReturnAuthorizationsOfOrder(OrderId.of(order.orderNumber()));

		// then that return is among them, with everything returned of line 20 counted
		assertThat(returns).singleElement().satisfies(r -> {
			assertThat(r.id()).isEqualTo(ReturnAuthorizationId.of(rma));
			assertThat(r.orderId()).isEqualTo(OrderId.of(order.orderNumber()));
			assertThat(r.lines()).extracting(ReturnLine::lineNumber, ReturnLine::quantity, ReturnLine::reason)
				.containsExactly(tuple("20", billed, ReturnReason.DAMAGED));
		});
		assertThat(erp.findReturnAuthorization(ReturnAuthorizationId.of(rma))).contains(returns.get(0));
	}

	@Test
	void listsTheLegacyReturnEnteredAgainstTheInvoiceUnderItsOrderInEitherMode() {
		DemoOrder order = Sandbox.data().order(DemoData.Showcase.PARTLY_RETURNED_ORDER);

		for (SapErpAdapter adapter : List.of(erp, invoiceTenant())) {
			assertThat(adapter.findReturnAuthorizationsOfOrder(OrderId.of(order.orderNumber())))
				.anySatisfy(r -> assertThat(r.lines()).extracting(ReturnLine::lineNumber, ReturnLine::quantity)
					.containsExactly(tuple("10", 1)));
		}
	}

	@Test
	void refusesInInvoiceModeALineNoInvoiceBillsAndCreatesNothing() {
		DemoOrder open = Sandbox.data().order(DemoData.Showcase.OPEN_ORDER);
		long before = effects.count(ErpEffects.CUSTOMER_RETURNS_CREATED);

		assertThatExceptionOfType(BackendRejectedException.class)
			.isThrownBy(() -> invoiceTenant().createReturnAuthorization(new CreateReturnAuthorization(
					ErpTestOrders.reference("RA-UNBILLED"), OrderId.of(open.orderNumber()),
					List.of(new ReturnLineRequest("10", 1, ReturnReason.UNWANTED)))))
			.withMessageContaining("has not been invoiced");
		assertThat(effects.count(ErpEffects.CUSTOMER_RETURNS_CREATED)).isEqualTo(before);
	}

	private SapErpAdapter invoiceTenant() {
		return ErpTestAdapters.referencing(context, ErpSettings.ReturnReference.BILLING_DOCUMENT);
	}
}
