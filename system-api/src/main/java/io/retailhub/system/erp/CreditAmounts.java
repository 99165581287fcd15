package io.retailhub.system.erp;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.retailhub.contracts.commands.CreditMemoLineRequest;
import io.retailhub.system.backend.BackendRejectedException;
import io.retailhub.system.backend.BackendUnavailableException;
import io.retailhub.system.backend.Backends;
import io.retailhub.system.erp.SapDocuments.CreditMemoRequest;
import io.retailhub.system.erp.SapDocuments.CreditMemoRequestItem;
import io.retailhub.system.erp.SapDocuments.PriceChange;
import io.retailhub.system.erp.SapDocuments.PricingElement;
import io.retailhub.system.erp.SapMapping.OrderLines;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.ResponseEntity;

/**
 * Makes a credit memo request credit the amounts asked for, the way SAP allows it. An item's
 * {@code NetAmount} is read-only ({@code sap:creatable="false"} in {@code API_CREDIT_MEMO_REQUEST_SRV})
 * and its pricing elements cannot be created with it: ERP prices the new item itself. So, once the
 * request exists, each item whose {@code NetAmount} differs from its line's amount gets the amount
 * written to its price condition ({@code A_CreditMemoReqItemPrcgElmnt}, the condition type
 * {@code retailhub.backends.erp.credit-amount-condition-type}) by MERGE, under the request's ETag
 * read fresh for each item ({@link Etags}): rate = the amount, pricing unit = the item's quantity,
 * so the condition's value is the amount to the cent. The request is then read again and every
 * item must credit its amount.
 *
 * <p>Repeatable: items already crediting their amount are not written, so a retry, or a repeat
 * after a crash between the create and the price update, ends with the right amounts and no
 * second change. A document whose items do not match the lines (another request under the same
 * reference) is left as it is.
 */
final class CreditAmounts {

	private static final Logger log = LoggerFactory.getLogger(CreditAmounts.class);

	private static final String ITEMS = "to_Item";

	private static final String ITEMS_WITH_PRICES = "to_Item,to_Item/to_PricingElement";

	private final ErpClient client;

	private final CsrfSession csrf;

	private final String conditionType;

	CreditAmounts(ErpClient client, CsrfSession csrf, String conditionType) {
		this.client = client;
		this.csrf = csrf;
		this.conditionType = conditionType;
	}

	/**
	 * The request crediting each line's amount: as it is when it does already, else after its
	 * items' price conditions were changed.
	 * @param orderLines the order line each item of the request is about
	 * @throws BackendRejectedException 409 when ERP has no such price condition on an item, or still
	 * credits another amount after the change (the tenant's pricing applies other conditions to it)
	 * @throws BackendUnavailableException when the request changed meanwhile (412); the whole
	 * create, being repeatable, may be tried again
	 */
	CreditMemoRequest credit(CreditMemoRequest request, List<CreditMemoLineRequest> lines, OrderLines orderLines) {
		List<CreditMemoRequestItem> items = sorted(OData.Navigation.of(request.items()));
		if (!sameLines(items, lines, orderLines)) {
			log.warn("left credit memo request {} as it is: its items are not the lines asked for",
					request.creditMemoRequest());
			return request;
		}
		List<Integer> toChange = new ArrayList<>();
		for (int i = 0; i < items.size(); i++) {
			if (!credits(items.get(i), lines.get(i).amount().amount())) {
				toChange.add(i);
			}
		}
		if (toChange.isEmpty()) {
			return request;
		}
		String number = request.creditMemoRequest();
		ResponseEntity<OData.Entry<CreditMemoRequest>> read = client
			.creditMemoRequestForChange(SapFormats.key(number), ITEMS_WITH_PRICES);
		List<CreditMemoRequestItem> priced = sorted(OData.Navigation.of(read.getBody().d().items()));
		String etag = Etags.required(read.getHeaders().getETag(), "credit memo request " + number);
		for (int index : toChange) {
			CreditMemoRequestItem item = priced.get(index);
			CreditMemoLineRequest line = lines.get(index);
			PricingElement condition = condition(number, item);
			String ifMatch = index == toChange.get(0) ? etag
					: Etags.current(client, ErpClient.CREDIT_MEMO_REQUEST_SRV, "A_CreditMemoRequest", "CreditMemoRequest",
							number);
			PriceChange change = new PriceChange(SapFormats.plain(line.amount().amount()),
					Integer.toString(line.quantity()), "PC");
			try {
				csrf.write(ErpClient.CREDIT_MEMO_REQUEST_SRV,
						token -> client.mergeCreditMemoRequestItemPrice(SapFormats.key(number),
								SapFormats.key(item.creditMemoRequestItem()),
								SapFormats.key(condition.pricingProcedureStep()),
								SapFormats.key(condition.pricingProcedureCounter()), "MERGE", ifMatch, token.value(),
								token.cookies(), change));
			}
			catch (BackendRejectedException ex) {
				if (ex.status() == 412) {
					throw new BackendUnavailableException(Backends.ERP,
							"credit memo request " + number + " changed while its amounts were set");
				}
				throw ex;
			}
			log.info("credit memo request {} item {} now credits {} ({} {})", number, item.creditMemoRequestItem(),
					change.rate(), conditionType, condition.pricingProcedureStep());
		}
		CreditMemoRequest after = client.creditMemoRequest(SapFormats.key(number), ITEMS).d();
		List<CreditMemoRequestItem> credited = sorted(OData.Navigation.of(after.items()));
		for (int index : toChange) {
			BigDecimal amount = lines.get(index).amount().amount();
			if (!credits(credited.get(index), amount)) {
				throw new BackendRejectedException(Backends.ERP, 409, null, "ERP credits "
						+ credited.get(index).netAmount() + " instead of " + SapFormats.plain(amount) + " for item "
						+ credited.get(index).creditMemoRequestItem() + " of credit memo request " + number
						+ " after its " + conditionType + " condition was set: the tenant's pricing applies other"
						+ " conditions to it");
			}
		}
		return after;
	}

	/** The active price condition the amount goes to. */
	private PricingElement condition(String number, CreditMemoRequestItem item) {
		return OData.Navigation.of(item.pricingElements())
			.stream()
			.filter(p -> conditionType.equals(p.conditionType())
					&& (p.conditionInactiveReason() == null || p.conditionInactiveReason().isBlank()))
			.findFirst()
			.orElseThrow(() -> new BackendRejectedException(Backends.ERP, 409, null, "ERP priced item "
					+ item.creditMemoRequestItem() + " of credit memo request " + number + " without an active "
					+ conditionType + " condition to credit the amount with"
					+ " (retailhub.backends.erp.credit-amount-condition-type)"));
	}

	/** Whether the items are the lines, in order: same order line and quantity. */
	private static boolean sameLines(List<CreditMemoRequestItem> items, List<CreditMemoLineRequest> lines,
			OrderLines orderLines) {
		if (items.size() != lines.size()) {
			return false;
		}
		for (int i = 0; i < items.size(); i++) {
			CreditMemoRequestItem item = items.get(i);
			if (!lines.get(i).lineNumber().equals(orderLines.of(item))
					|| SapFormats.pieces(item.requestedQuantity()) != lines.get(i).quantity()) {
				return false;
			}
		}
		return true;
	}

	private static boolean credits(CreditMemoRequestItem item, BigDecimal amount) {
		return item.netAmount() != null && !item.netAmount().isBlank()
				&& SapFormats.decimal(item.netAmount()).compareTo(amount) == 0;
	}

	/** Items in their document's order: by item number. */
	private static List<CreditMemoRequestItem> sorted(List<CreditMemoRequestItem> items) {
		return items.stream()
			.sorted(Comparator.comparingLong(i -> Long.parseLong(i.creditMemoRequestItem())))
			.toList();
	}
}
