package io.retailhub.experience.downstream;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import io.retailhub.contracts.problems.ProblemProperties;
import io.retailhub.contracts.problems.ProblemType;
import io.retailhub.web.ProblemException;
import io.retailhub.web.ProblemResponses;

/**
 * What the caller of experience-api sees when a call below failed: a refusal (the caller's bad
 * input or a state conflict) keeps the layer below's problem type, detail and field errors; a
 * layer or backend that did not answer is a 503 naming the backend when known. A not-found is
 * the caller's to word (object-level authorization answers it like someone else's object).
 */
public final class DownstreamProblems {

	private DownstreamProblems() {
	}

	public static ProblemException of(DownstreamException ex) {
		if (ex.refused()) {
			ProblemType type = type(ex.problem().get("type"), ex.status());
			Map<String, Object> properties = new LinkedHashMap<>();
			copy(ex.problem(), properties, ProblemProperties.ERRORS);
			copy(ex.problem(), properties, ProblemProperties.BACKEND);
			copy(ex.problem(), properties, ProblemProperties.BACKEND_CODE);
			Object detail = ex.problem().get("detail");
			return new ProblemException(type, detail instanceof String text ? text : type.title(), properties);
		}
		Map<String, Object> properties = new LinkedHashMap<>();
		copy(ex.problem(), properties, ProblemProperties.BACKEND);
		if (ex.notFound()) {
			return ProblemException.notFound("Not found.");
		}
		return new ProblemException(ProblemType.BACKEND_UNAVAILABLE,
				"A system this answer needs is unavailable; try again shortly.", properties);
	}

	private static ProblemType type(Object uri, int status) {
		return Arrays.stream(ProblemType.values())
			.filter(type -> type.uri().toString().equals(uri))
			.findFirst()
			.orElseGet(() -> ProblemResponses.typeFor(status));
	}

	private static void copy(Map<String, Object> from, Map<String, Object> to, String member) {
		if (from.get(member) != null) {
			to.put(member, from.get(member));
		}
	}
}
