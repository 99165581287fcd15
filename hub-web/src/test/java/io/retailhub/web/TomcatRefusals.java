package io.retailhub.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.stream.Stream;

import io.retailhub.web.RawHttp.Answer;
import org.junit.jupiter.params.provider.Arguments;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The requests Tomcat refuses before any filter of a service runs, aimed at that service's own
 * paths, and what every error answer must be: problem+json of a hub type whose
 * {@code correlationId} is the {@code X-Correlation-Id} answered. For each service's tests.
 */
public final class TomcatRefusals {

	private TomcatRefusals() {
	}

	/**
	 * {@code (what, target, header line)} under {@code path}: an encoded slash, backslash or NUL
	 * and a malformed escape in the path; a 10 kB path, query and header (the header line is
	 * empty when there is none).
	 */
	public static Stream<Arguments> under(String path) {
		String tenKilobytes = "1".repeat(10_000);
		return Stream.of(Arguments.of("an encoded slash in the path", path + "/A%2F1", ""),
				Arguments.of("an encoded backslash in the path", path + "/A%5C1", ""),
				Arguments.of("an encoded NUL in the path", path + "/A%001", ""),
				Arguments.of("a malformed escape in the path", path + "/A%zz", ""),
				Arguments.of("a 10 kB path", path + "/" + tenKilobytes, ""),
				Arguments.of("a 10 kB query", path + "?q=" + tenKilobytes, ""),
				Arguments.of("a 10 kB header", path, "X-Padding: " + tenKilobytes));
	}

	/** GETs one of {@link #under} over a plain socket: the header line, if any, and the others. */
	public static Answer send(int port, String target, String header, String... otherHeaders) throws IOException {
		if (header.isEmpty()) {
			return RawHttp.get(port, target, otherHeaders);
		}
		String[] headers = Stream.concat(Stream.of(header), Stream.of(otherHeaders)).toArray(String[]::new);
		return RawHttp.get(port, target, headers);
	}

	/** The answer is problem+json of {@code type} and its correlation ID the one answered; its body. */
	public static JsonNode assertProblem(Answer answer, String type) {
		assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
		JsonNode problem = JsonMapper.shared().readTree(answer.body());
		assertThat(problem.path("type").stringValue()).isEqualTo("https://retailhub.io/problems/" + type);
		assertThat(problem.path("status").intValue()).isEqualTo(answer.status());
		assertThat(problem.path("correlationId").stringValue()).isNotBlank()
			.isEqualTo(answer.header("X-Correlation-Id"));
		return problem;
	}
}
