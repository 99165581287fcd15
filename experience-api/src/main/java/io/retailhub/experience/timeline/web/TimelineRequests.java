package io.retailhub.experience.timeline.web;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.retailhub.contracts.problems.FieldError;
import io.retailhub.contracts.problems.ProblemProperties;
import io.retailhub.contracts.problems.ProblemType;
import io.retailhub.experience.timeline.TimelineSettings;
import io.retailhub.web.ProblemException;

import org.springframework.stereotype.Component;

/** Checks what a timeline request names: identifiers and page size. Bad input is a 400 naming the field. */
@Component
class TimelineRequests {

	/** Order and customer numbers: 1 to 64 characters of letters, digits, dot, dash and underscore. */
	private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9._-]{1,64}");

	private final TimelineSettings.Page page;

	TimelineRequests(TimelineSettings settings) {
		this.page = settings.page();
	}

	String identifier(String value, String field) {
		if (value == null || !IDENTIFIER.matcher(value).matches()) {
			throw invalid(field, "must be 1 to 64 letters, digits, '.', '-' or '_'");
		}
		return value;
	}

	int limit(Integer limit) {
		if (limit == null) {
			return this.page.defaultLimit();
		}
		if (limit < 1 || limit > this.page.maxLimit()) {
			throw invalid("limit", "must be between 1 and " + this.page.maxLimit());
		}
		return limit;
	}

	Long before(Long before) {
		if (before != null && before < 1) {
			throw invalid("before", "must be the nextBefore of a previous page");
		}
		return before;
	}

	static ProblemException invalid(String field, String message) {
		return new ProblemException(ProblemType.INVALID_REQUEST, field + " " + message + ".",
				Map.of(ProblemProperties.ERRORS, List.of(new FieldError(field, message))));
	}

}
