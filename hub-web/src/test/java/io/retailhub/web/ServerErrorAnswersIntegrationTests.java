package io.retailhub.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.stream.Stream;

import io.retailhub.web.RawHttp.Answer;
import io.retailhub.web.testapp.HubWebTestApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every error answer is problem+json with the correlation ID, whoever gives it: Tomcat refusing
 * a request before any filter runs, the servlet container's error page after an exception escaped
 * every filter, Spring MVC's handlers. And every log line of the request, the error's included,
 * carries the same ID. Sent over a plain socket, since HTTP clients would not send these requests.
 */
@SpringBootTest(classes = HubWebTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class ServerErrorAnswersIntegrationTests {

	@LocalServerPort
	int port;

	static Stream<Arguments> requestsTomcatRefuses() {
		return TomcatRefusals.under("/things");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("requestsTomcatRefuses")
	void tomcatsOwnRefusalIsAProblemWithTheCorrelationId(String what, String target, String header)
			throws IOException {
		Answer answer = TomcatRefusals.send(port, target, header);

		assertThat(answer.status()).isEqualTo(400);
		assertProblem(answer, "invalid-request");
		assertThat(answer.body()).doesNotContain("<html").doesNotContain("Tomcat");
	}

	@Test
	void tomcatsRefusalKeepsTheCallersCorrelationId(CapturedOutput output) throws IOException {
		Answer answer = RawHttp.get(port, "/things/WEB%2F100001", "X-Correlation-Id: refused-1");

		assertThat(answer.header("X-Correlation-Id")).isEqualTo("refused-1");
		assertThat(assertProblem(answer, "invalid-request").path("correlationId").stringValue()).isEqualTo("refused-1");
		assertThat(output.getOut()).containsPattern("\\[refused-1\\] .*Refused a request before it reached the application");
	}

	@Test
	void anExceptionInAControllerIsA500ProblemAndItsLogLineCarriesTheCorrelationId(CapturedOutput output)
			throws IOException {
		Answer answer = RawHttp.get(port, "/failures/exception", "X-Correlation-Id: broken-1");

		assertThat(answer.status()).isEqualTo(500);
		assertThat(assertProblem(answer, "internal-error").path("correlationId").stringValue()).isEqualTo("broken-1");
		assertThat(answer.body()).doesNotContain("a bug").doesNotContain("IllegalStateException");
		assertThat(output.getOut()).containsPattern("ERROR .*\\[broken-1 [0-9a-f]{32}/[0-9a-f]{16}\\] .*unexpected error on GET /failures/exception");
	}

	@Test
	void anExceptionThatEscapesEveryFilterIsA500ProblemAndTomcatsLogLineCarriesTheCorrelationId(
			CapturedOutput output) throws IOException {
		Answer answer = RawHttp.get(port, "/failures/filter", "X-Correlation-Id: escaped-1");

		assertThat(answer.status()).isEqualTo(500);
		assertThat(assertProblem(answer, "internal-error").path("correlationId").stringValue()).isEqualTo("escaped-1");
		assertThat(answer.body()).doesNotContain("a filter bug");
		// Tomcat logs what escaped the filters; the line and its stack trace belong to the request
		assertThat(output.getOut()).containsPattern("ERROR .*\\[escaped-1( [0-9a-f]{32}/[0-9a-f]{16})?\\] .*threw exception")
			.contains("a filter bug");
	}

	@Test
	void aParameterRefusedByAMethodValidationProxyIsA400NamingTheParameter() throws IOException {
		Answer answer = RawHttp.get(port, "/proxied-things?size=0", "X-Correlation-Id: proxied-1");

		assertThat(answer.status()).isEqualTo(400);
		JsonNode problem = assertProblem(answer, "invalid-request");
		assertThat(problem.path("correlationId").stringValue()).isEqualTo("proxied-1");
		assertThat(problem.path("errors").toString()).contains("\"size\"");
	}

	@Test
	void aStatusSetTheServletWayIsAProblemFromTheErrorPage() throws IOException {
		Answer answer = RawHttp.get(port, "/failures/send-error", "X-Correlation-Id: sent-1");

		assertThat(answer.status()).isEqualTo(409);
		assertThat(assertProblem(answer, "conflict").path("correlationId").stringValue()).isEqualTo("sent-1");
	}

	@Test
	void everyLogLineOfARequestShowsItsCorrelationIdAndLinesOutsideRequestsShowNone(CapturedOutput output)
			throws IOException {
		RawHttp.get(port, "/failures/exception", "X-Correlation-Id: lines-1");

		assertThat(output.getOut().lines().filter(line -> line.contains("/failures/exception")))
			.isNotEmpty()
			.allSatisfy(line -> assertThat(line).containsPattern("\\[lines-1( [0-9a-f]{32}/[0-9a-f]{16})?\\] "));
		assertThat(output.getOut().lines().filter(line -> line.contains("[] "))).isEmpty();
	}

	private static JsonNode assertProblem(Answer answer, String type) {
		return TomcatRefusals.assertProblem(answer, type);
	}
}
