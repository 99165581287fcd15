package io.retailhub.system.backend;

import java.net.http.HttpClient;
import java.time.Duration;

import io.micrometer.common.KeyValues;
import io.retailhub.web.JdkHttpClients;

import org.springframework.http.client.observation.ClientRequestObservationContext;
import org.springframework.http.client.observation.DefaultClientRequestObservationConvention;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.support.RestClientAdapter;
import org.springframework.web.service.invoker.HttpServiceProxyFactory;

/**
 * Builds each adapter's RestClient from Boot's shared builder (so HTTP client metrics and
 * observation are on) with the adapter's base URL and timeouts. The read timeout is a backstop:
 * the time limiter in {@link BackendCalls} normally gives up first.
 */
@Component
public class BackendRestClients {

	private final RestClient.Builder builder;

	BackendRestClients(RestClient.Builder builder) {
		this.builder = builder;
	}

	/**
	 * A fresh builder for one backend; the adapter adds its authentication and error handling. Its
	 * {@code http.client.requests} metrics and spans carry the tag {@code backend}.
	 */
	public RestClient.Builder forBackend(String backend, String baseUrl, Duration connectTimeout,
			Duration readTimeout) {
		return builder.clone()
			.observationConvention(new BackendRequestConvention(backend))
			.baseUrl(baseUrl)
			.requestFactory(JdkHttpClients.requestFactory(connectTimeout, readTimeout, HttpClient.Version.HTTP_2));
	}

	/** Boot's convention for client requests, plus the backend the request went to. */
	static final class BackendRequestConvention extends DefaultClientRequestObservationConvention {

		private final String backend;

		BackendRequestConvention(String backend) {
			this.backend = backend;
		}

		@Override
		public KeyValues getLowCardinalityKeyValues(ClientRequestObservationContext context) {
			return super.getLowCardinalityKeyValues(context).and("backend", this.backend);
		}

	}

	/** The adapter's declarative client ({@code @HttpExchange} interface {@code type}) over its finished builder. */
	public <C> C createClient(RestClient.Builder configured, Class<C> type) {
		return HttpServiceProxyFactory.builderFor(RestClientAdapter.create(configured.build()))
			.build()
			.createClient(type);
	}
}
