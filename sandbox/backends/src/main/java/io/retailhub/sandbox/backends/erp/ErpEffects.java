package io.retailhub.sandbox.backends.erp;

import java.util.Map;

import io.retailhub.sandbox.backends.admin.RecordedEffects;

import org.springframework.stereotype.Component;

/**
 * What the simulated ERP recorded since it started: documents the hub created (seeded ones do not
 * count), customer return items rejected and changed, credit memo request prices changed, goods
 * receipts posted and CSRF tokens issued.
 */
@Component
public class ErpEffects implements RecordedEffects {

	public static final String CUSTOMER_RETURNS_CREATED = "customerReturns.created";

	public static final String CREDIT_MEMO_REQUESTS_CREATED = "creditMemoRequests.created";

	public static final String CSRF_TOKENS_ISSUED = "csrfTokens.issued";

	/** Customer return items a client rejected (set a reason for rejection on), each once. */
	public static final String CUSTOMER_RETURN_ITEMS_REJECTED = "customerReturnItems.rejected";

	/** Successful MERGE/PATCH requests on customer return items. */
	public static final String CUSTOMER_RETURN_ITEMS_CHANGED = "customerReturnItems.changed";

	/** Successful MERGE/PATCH requests on credit memo request items' pricing elements. */
	public static final String CREDIT_MEMO_REQUEST_PRICES_CHANGED = "creditMemoRequestPrices.changed";

	/** Goods receipts the warehouse posted against customer returns. */
	public static final String RETURN_GOODS_RECEIPTS_POSTED = "returnGoodsReceipts.posted";

	private final CustomerReturns returns;

	private final CreditMemoRequests creditMemoRequests;

	private final CsrfSessions sessions;

	ErpEffects(CustomerReturns returns, CreditMemoRequests creditMemoRequests, CsrfSessions sessions) {
		this.returns = returns;
		this.creditMemoRequests = creditMemoRequests;
		this.sessions = sessions;
	}

	@Override
	public String backend() {
		return "erp";
	}

	@Override
	public Map<String, Long> counts() {
		return Map.of(CUSTOMER_RETURNS_CREATED, returns.created(), CREDIT_MEMO_REQUESTS_CREATED,
				creditMemoRequests.created(), CSRF_TOKENS_ISSUED, sessions.issued(), CUSTOMER_RETURN_ITEMS_REJECTED,
				returns.itemsRejected(), CUSTOMER_RETURN_ITEMS_CHANGED, returns.changes(),
				CREDIT_MEMO_REQUEST_PRICES_CHANGED, creditMemoRequests.pricesChanged(), RETURN_GOODS_RECEIPTS_POSTED,
				returns.goodsReceipts());
	}

	/** Successful MERGE/PATCH requests on the items of one customer return: how often a client changed it. */
	public long changesOf(String customerReturn) {
		return returns.changesOf(customerReturn);
	}

	/** One count, zero when nothing was recorded. */
	public long count(String effect) {
		return counts().getOrDefault(effect, 0L);
	}
}
