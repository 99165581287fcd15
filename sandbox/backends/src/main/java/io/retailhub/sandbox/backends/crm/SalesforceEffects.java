package io.retailhub.sandbox.backends.crm;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.retailhub.sandbox.backends.admin.RecordedEffects;

import org.springframework.stereotype.Component;

/**
 * What the simulated CRM has done since it started: {@code cases.created}, {@code cases.updated}
 * (an upsert that matched counts here), {@code caseComments.created}, {@code contacts.created},
 * {@code contacts.updated}, {@code tokens.issued}. Seeded records are not counted.
 */
@Component
public class SalesforceEffects implements RecordedEffects {

	public static final String CASES_CREATED = "cases.created";

	public static final String CASES_UPDATED = "cases.updated";

	public static final String CASE_COMMENTS_CREATED = "caseComments.created";

	public static final String TOKENS_ISSUED = "tokens.issued";

	private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();

	SalesforceEffects() {
		counts.put(CASES_CREATED, new AtomicLong());
		counts.put(CASES_UPDATED, new AtomicLong());
		counts.put(CASE_COMMENTS_CREATED, new AtomicLong());
		counts.put(TOKENS_ISSUED, new AtomicLong());
	}

	@Override
	public String backend() {
		return "crm";
	}

	@Override
	public Map<String, Long> counts() {
		Map<String, Long> snapshot = new TreeMap<>();
		counts.forEach((effect, count) -> snapshot.put(effect, count.get()));
		return snapshot;
	}

	/** The count of one effect, 0 if it never happened. */
	public long count(String effect) {
		AtomicLong count = counts.get(effect);
		return count == null ? 0 : count.get();
	}

	void record(String effect) {
		counts.computeIfAbsent(effect, e -> new AtomicLong()).incrementAndGet();
	}
}
