package io.retailhub.sandbox.backends.erp;

import java.util.Map;

import io.retailhub.sandbox.backends.admin.RecordedEffects;

import org.springframework.stereotype.Component;

/**
 * What the simulated ERP recorded since it started: documents the hub created (seeded ones do not
 * count) and CSRF tokens issued.
 */
@Component
public class ErpEffects implements RecordedEffects {

	public static final String CUSTOMER_RETURNS_CREATED = "customerReturns.created";

	public static final String CREDIT_MEMO_REQUESTS_CREATED = "creditMemoRequests.created";

	public static final String CSRF_TOKENS_ISSUED = "csrfTokens.issued";

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
				creditMemoRequests.created(), CSRF_TOKENS_ISSUED, sessions.issued());
	}

	/** One count, zero when nothing was recorded. */
	public long count(String effect) {
		return counts().getOrDefault(effect, 0L);
	}
}
