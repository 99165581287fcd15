package io.retailhub.experience.downstream;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.util.Map;
import java.util.function.Supplier;

import io.retailhub.contracts.problems.Headers;
import io.retailhub.security.ServiceTokenInterceptor;
import io.retailhub.web.JdkHttpClients;
import org.slf4j.MDC;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClient.RequestHeadersSpec.ConvertibleClientHttpResponse;

/**
 * One layer below, over HTTP: its base URL and timeouts, experience-api's service token, the
 * request.s correlation ID, a JSON reader that tolerates members it does not know yet, and every
 * failure turned into a {@link DownstreamException}.
 */
final class Downstream {

	/** The MDC key every service of the hub keeps the correlation ID under. */
	private static final String CORRELATION_ID_MDC_KEY = "correlationId";

	private static final ParameterizedTypeReference<Map<String, Object>> PROBLEM = new ParameterizedTypeReference<>() {
	};

	private final String service;

	private final RestClient http;

	Downstream(String service, String apiPath, DownstreamSettings.Service settings, RestClient.Builder builder,
			JsonMapper jsonMapper, ServiceTokenInterceptor tokens) {
		this.service = service;
		JsonMapper tolerant = jsonMapper.rebuild().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
		this.http = builder.clone()
			.baseUrl(settings.baseUrl().toString() + apiPath)
			.requestFactory(JdkHttpClients.requestFactory(settings.connectTimeout(), settings.readTimeout(),
					HttpClient.Version.HTTP_1_1))
			.configureMessageConverters(converters -> converters.registerDefaults()
				.withJsonConverter(new JacksonJsonHttpMessageConverter(tolerant)))
			.requestInterceptor(tokens)
			.requestInterceptor((request, body, execution) -> {
				String correlationId = MDC.get(CORRELATION_ID_MDC_KEY);
				if (correlationId != null && !request.getHeaders().containsHeader(Headers.CORRELATION_ID)) {
					request.getHeaders().set(Headers.CORRELATION_ID, correlationId);
				}
				return execution.execute(request, body);
			})
			.defaultHeader(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE)
			.build();
	}

	RestClient http() {
		return this.http;
	}

	/** Runs the call; a transport failure comes out as {@link DownstreamException.Kind#UNAVAILABLE}. */
	<T> T call(String what, Supplier<T> call) {
		try {
			return call.get();
		}
		catch (ResourceAccessException | UncheckedIOException ex) {
			throw new DownstreamException(DownstreamException.Kind.UNAVAILABLE, this.service, 0, null,
					this.service + " did not answer " + what, ex);
		}
	}

	/** The body as {@code type} on 2xx; otherwise the failure the status means. */
	<T> T read(String what, ConvertibleClientHttpResponse response, Class<T> type) throws IOException {
		failUnlessSuccessful(what, response);
		return response.bodyTo(type);
	}

	<T> T read(String what, ConvertibleClientHttpResponse response, ParameterizedTypeReference<T> type)
			throws IOException {
		failUnlessSuccessful(what, response);
		return response.bodyTo(type);
	}

	void failUnlessSuccessful(String what, ConvertibleClientHttpResponse response) throws IOException {
		int status = response.getStatusCode().value();
		if (status >= 200 && status < 300) {
			return;
		}
		Map<String, Object> problem = problem(response);
		DownstreamException.Kind kind = status == 404 ? DownstreamException.Kind.NOT_FOUND
				: status >= 400 && status < 500 && status != 401 && status != 403 && status != 429
						? DownstreamException.Kind.REFUSED : DownstreamException.Kind.UNAVAILABLE;
		throw new DownstreamException(kind, this.service, status, problem,
				this.service + " answered " + status + " to " + what, null);
	}

	private static Map<String, Object> problem(ConvertibleClientHttpResponse response) {
		MediaType type = response.getHeaders().getContentType();
		if (type == null || !(type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
				|| type.isCompatibleWith(MediaType.APPLICATION_JSON))) {
			return Map.of();
		}
		try {
			Map<String, Object> body = response.bodyTo(PROBLEM);
			return body == null ? Map.of() : body;
		}
		catch (RuntimeException ex) {
			return Map.of();
		}
	}
}
