package io.retailhub.process.returns;

import io.retailhub.contracts.CaseId;
import io.retailhub.contracts.ServiceCase;
import io.retailhub.contracts.commands.AddCaseComment;
import io.retailhub.process.systemapi.SystemApiClient;

/**
 * Adding a CRM comment is not idempotent, so every comment the hub writes ends with a marker
 * naming the step that wrote it ({@code [ref:<workflow>:<step>]}); a step looks for its marker
 * before posting, and a repeat after a lost answer finds the comment instead of adding another.
 */
final class CaseComments {

	private CaseComments() {
	}

	static String marker(String idempotencyKey) {
		return "[ref:" + idempotencyKey + "]";
	}

	/** Posts the comment unless the case already has it; returns the case as it was read. */
	static ServiceCase postOnce(SystemApiClient systemApi, CaseId caseId, String text, boolean published,
			String idempotencyKey) {
		ServiceCase current = systemApi.findCase(caseId);
		String marker = marker(idempotencyKey);
		boolean posted = current.comments().stream().anyMatch(c -> c.body() != null && c.body().contains(marker));
		if (!posted) {
			systemApi.addCaseComment(caseId, new AddCaseComment(text + "\n" + marker, published));
		}
		return current;
	}
}
