package io.retailhub.experience.orders;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.retailhub.contracts.problems.FieldError;
import io.retailhub.contracts.problems.ProblemProperties;
import io.retailhub.contracts.problems.ProblemType;
import io.retailhub.web.ProblemException;

/** Identifiers read from a path or query: a malformed one is a 400 naming the parameter. */
public final class Ids {

	private Ids() {
	}

	public static <T> T parse(String value, String parameter, Function<String, T> of) {
		try {
			return of.apply(value);
		}
		catch (IllegalArgumentException ex) {
			throw new ProblemException(ProblemType.INVALID_REQUEST, "Some parameters are invalid.",
					Map.of(ProblemProperties.ERRORS, List.of(new FieldError(parameter, ex.getMessage()))));
		}
	}
}
