package io.retailhub.process.systemapi;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpServer;
import io.retailhub.contracts.Money;
import io.retailhub.contracts.OrderId;
import io.retailhub.contracts.commands.CreateRefund;
import io.retailhub.contracts.problems.ProblemType;
import io.retailhub.security.ServiceTokenInterceptor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.security.oauth2.client.InMemoryOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The three ways a system API call can fail, each typed so a step knows what to do next. */
class SystemApiClientTests {

	private HttpServer server;

	private final CountDownLatch release = new CountDownLatch(1);

	@AfterEach
	void stop() {
		release.countDown();
		if (server != null) {
			server.stop(0);
		}
	}

	private SystemApiClient answering(int status, String body, String retryAfter) throws IOException {
		server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
		server.createContext("/", exchange -> {
			byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/problem+json");
			if (retryAfter != null) {
				exchange.getResponseHeaders().add("Retry-After", retryAfter);
			}
			exchange.sendResponseHeaders(status, bytes.length);
			exchange.getResponseBody().write(bytes);
			exchange.close();
		});
		server.start();
		return client(URI.create("http://localhost:" + server.getAddress().getPort()), Duration.ofSeconds(5));
	}

	private static SystemApiClient client(URI baseUrl, Duration readTimeout) {
		return new SystemApiClient(RestClient.builder(), JsonMapper.builder().build(),
				new SystemApiSettings(baseUrl, Duration.ofSeconds(1), readTimeout), fixedServiceToken());
	}

	/** A service token as the authorization server would hand it out; these tests are about failures. */
	private static ServiceTokenInterceptor fixedServiceToken() {
		ClientRegistration registration = ClientRegistration.withRegistrationId(ServiceTokenInterceptor.REGISTRATION_ID)
			.clientId("retailhub-process")
			.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
			.tokenUri("http://localhost/oauth2/token")
			.build();
		OAuth2AccessToken token = new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, "service-token",
				Instant.now(), Instant.now().plusSeconds(300));
		return new ServiceTokenInterceptor(request -> new OAuth2AuthorizedClient(registration, "retailhub", token),
				new InMemoryOAuth2AuthorizedClientService(new InMemoryClientRegistrationRepository(registration)));
	}

	private static CreateRefund refund() {
		return new CreateRefund(OrderId.of("WEB-1"), Money.of("10.00", "USD"), "ref-1", null);
	}

	@Test
	void turnsABusinessRefusalIntoARejection() throws IOException {
		SystemApiClient client = answering(422, """
				{"type":"https://retailhub.io/problems/backend-rejected","title":"t","status":422,
				 "detail":"Refund amount is greater than unrefunded amount","backend":"payment","backendCode":"amount_too_large"}""",
				null);

		assertThatExceptionOfType(SystemApiRejection.class).isThrownBy(() -> client.createRefund("key", refund()))
			.satisfies(ex -> {
				assertThat(ex.is(ProblemType.BACKEND_REJECTED)).isTrue();
				assertThat(ex.backend()).isEqualTo("payment");
				assertThat(ex.backendCode()).isEqualTo("amount_too_large");
				assertThat(ex.detail()).contains("greater");
			});
	}

	@Test
	void turnsABackendOutageIntoUnavailableWithItsRetryAfter() throws IOException {
		SystemApiClient client = answering(503, """
				{"type":"https://retailhub.io/problems/backend-unavailable","status":503,"detail":"down","backend":"payment"}""",
				"7");

		assertThatExceptionOfType(SystemApiUnavailable.class).isThrownBy(() -> client.createRefund("key", refund()))
			.satisfies(ex -> {
				assertThat(ex.backend()).isEqualTo("payment");
				assertThat(ex.retryAfter()).contains(Duration.ofSeconds(7));
			});
	}

	@Test
	void treatsAnotherServerErrorAsAmbiguous() throws IOException {
		SystemApiClient client = answering(500, "{}", null);

		assertThatExceptionOfType(SystemApiAmbiguous.class).isThrownBy(() -> client.createRefund("key", refund()));
	}

	@Test
	void treatsABackendTimeoutAsAmbiguousNotUnavailable() throws IOException {
		SystemApiClient client = answering(504, """
				{"type":"https://retailhub.io/problems/backend-timeout","status":504,
				 "detail":"The payment system did not answer in time","backend":"payment"}""", null);

		assertThatExceptionOfType(SystemApiAmbiguous.class).isThrownBy(() -> client.createRefund("key", refund()))
			.withMessageContaining("504");
	}

	@Test
	void treatsAReadTimeoutAsAmbiguous() throws IOException {
		server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
		server.createContext("/", exchange -> {
			try {
				release.await(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			exchange.close();
		});
		server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
		server.start();
		SystemApiClient client = client(URI.create("http://localhost:" + server.getAddress().getPort()),
				Duration.ofMillis(300));

		assertThatExceptionOfType(SystemApiAmbiguous.class).isThrownBy(() -> client.createRefund("key", refund()));
	}

	@Test
	void treatsARefusedConnectionAsUnavailable() throws IOException {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		SystemApiClient client = client(URI.create("http://localhost:" + port), Duration.ofSeconds(1));

		assertThatExceptionOfType(SystemApiUnavailable.class).isThrownBy(() -> client.createRefund("key", refund()))
			.satisfies(ex -> assertThat(ex.backend()).isEqualTo(SystemApiUnavailable.SYSTEM_API));
	}

	@Test
	void answersNothingForAnOrderNobodyKnows() throws IOException {
		SystemApiClient client = answering(404, """
				{"type":"https://retailhub.io/problems/not-found","status":404,"detail":"no order"}""", null);

		assertThat(client.findOrder(OrderId.of("WEB-404"))).isEmpty();
	}
}
