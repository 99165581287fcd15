package io.retailhub.process.systemapi;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.retailhub.contracts.Location;
import io.retailhub.contracts.LocationType;
import io.retailhub.contracts.CaseId;
import io.retailhub.contracts.CreditMemo;
import io.retailhub.contracts.Order;
import io.retailhub.contracts.OrderChange;
import io.retailhub.contracts.OrderId;
import io.retailhub.contracts.Refund;
import io.retailhub.contracts.ReturnAuthorization;
import io.retailhub.contracts.ReturnAuthorizationId;
import io.retailhub.contracts.ReturnPolicyEvaluation;
import io.retailhub.contracts.ReturnReceipt;
import io.retailhub.contracts.ServiceCase;
import io.retailhub.contracts.commands.RecordReturnReceipt;
import io.retailhub.contracts.commands.AddCaseComment;
import io.retailhub.contracts.commands.CancelReturnAuthorization;
import io.retailhub.contracts.commands.CreateCreditMemo;
import io.retailhub.contracts.commands.CreateRefund;
import io.retailhub.contracts.commands.CreateReturnAuthorization;
import io.retailhub.contracts.commands.EvaluateReturnPolicy;
import io.retailhub.contracts.commands.OpenCase;
import io.retailhub.contracts.commands.UpdateCase;
import io.retailhub.contracts.problems.Headers;
import io.retailhub.contracts.problems.ProblemProperties;
import io.retailhub.contracts.problems.ProblemType;

import io.retailhub.security.ServiceTokenInterceptor;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import io.retailhub.web.JdkHttpClients;
import org.slf4j.MDC;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient.RequestHeadersSpec.ConvertibleClientHttpResponse;
import org.springframework.web.client.RestClient;

/**
 * The process layer's only way to the backends: the system API's capabilities as typed calls.
 * Every failure comes out as one of three {@link SystemApiException}s, so a workflow step can
 * tell "refused" from "not now" from "maybe". Nothing here retries: the step engine does, with
 * its backoff, after the step checked what the first attempt did.
 */
@Component
public class SystemApiClient {

	static final String API = "/api/system/v1";

	/** The MDC key every service of the hub keeps the correlation ID under; it travels on as X-Correlation-Id. */
	private static final String CORRELATION_ID_MDC_KEY = "correlationId";

	private static final ParameterizedTypeReference<Map<String, Object>> PROBLEM = new ParameterizedTypeReference<>() {
	};

	private static final ParameterizedTypeReference<List<OrderChange>> ORDER_CHANGES = new ParameterizedTypeReference<>() {
	};

	private static final ParameterizedTypeReference<List<Refund>> REFUNDS = new ParameterizedTypeReference<>() {
	};

	private static final ParameterizedTypeReference<List<ReturnAuthorization>> RETURN_AUTHORIZATIONS = new ParameterizedTypeReference<>() {
	};

	private static final ParameterizedTypeReference<List<Location>> LOCATIONS = new ParameterizedTypeReference<>() {
	};

	private static final ParameterizedTypeReference<List<ReturnReceipt>> RETURN_RECEIPTS = new ParameterizedTypeReference<>() {
	};

	private static final ParameterizedTypeReference<List<CreditMemo>> CREDIT_MEMOS = new ParameterizedTypeReference<>() {
	};

	private final RestClient http;

	/**
	 * @param serviceTokens puts process-api's own client_credentials token (and the acting user of
	 * the request being served, if any) on every call
	 */
	SystemApiClient(RestClient.Builder builder, JsonMapper jsonMapper, SystemApiSettings settings,
			ServiceTokenInterceptor serviceTokens) {
		// a client tolerates members it does not know yet: the system API may add some at any time
		JsonMapper tolerant = jsonMapper.rebuild().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
		JdkClientHttpRequestFactory requests = JdkHttpClients.requestFactory(settings.connectTimeout(),
				settings.readTimeout(), HttpClient.Version.HTTP_1_1);
		this.http = builder.baseUrl(settings.baseUrl().toString() + API)
			.requestFactory(requests)
			.configureMessageConverters(
					converters -> converters.registerDefaults().withJsonConverter(new JacksonJsonHttpMessageConverter(tolerant)))
			.requestInterceptor((request, body, execution) -> {
				String correlationId = MDC.get(CORRELATION_ID_MDC_KEY);
				if (correlationId != null && !request.getHeaders().containsHeader(Headers.CORRELATION_ID)) {
					request.getHeaders().set(Headers.CORRELATION_ID, correlationId);
				}
				return execution.execute(request, body);
			})
			.requestInterceptor(serviceTokens)
			.defaultHeader(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE)
			.build();
	}

	/** The order with lines, shipments and payment; empty when ERP does not know it. */
	public Optional<Order> findOrder(OrderId orderId) {
		return findOrder(orderId, "shipments", "payment");
	}

	/** The order's header and lines only: needs neither the warehouse nor the payment provider. */
	public Optional<Order> findOrderLines(OrderId orderId) {
		return findOrder(orderId, new String[0]);
	}

	/**
	 * The order with its lines and only the parts named ({@code shipments}, {@code payment}), so a
	 * step that needs no payment status does not wait for the payment provider; empty when ERP does
	 * not know the order.
	 */
	public Optional<Order> findOrder(OrderId orderId, String... parts) {
		String include = parts.length == 0 ? "lines" : String.join(",", parts);
		return call("GET order " + orderId, () -> http.get()
			.uri("/orders/{id}?include={include}", orderId.value(), include)
			.exchange((request, response) -> response.getStatusCode().value() == 404 ? Optional.<Order>empty()
					: Optional.of(read(response, Order.class))));
	}

	/**
	 * Orders (header and lines) ERP changed at or after {@code since}, ordered by (last change,
	 * order ID), at most {@code limit} (1 to 500); with {@code after}, only those behind that order
	 * among the ones changed exactly at {@code since}. Pass the last entry back to read on.
	 */
	public List<OrderChange> findOrderChanges(Instant since, OrderId after, int limit) {
		return call("GET order changes since " + since, () -> http.get()
			.uri("/order-changes?changedSince={since}&limit={limit}" + (after == null ? "" : "&afterOrderId={after}"),
					since.toString(), limit, after == null ? "" : after.value())
			.exchange((request, response) -> read(response, ORDER_CHANGES)));
	}

	public ReturnPolicyEvaluation evaluateReturnPolicy(EvaluateReturnPolicy evaluation) {
		return call("POST return policy evaluation", () -> http.post()
			.uri("/return-policy/evaluations")
			.contentType(MediaType.APPLICATION_JSON)
			.body(evaluation)
			.exchange((request, response) -> read(response, ReturnPolicyEvaluation.class)));
	}

	/** Creates the RMA, or returns the one ERP already has under the same external reference. */
	public ReturnAuthorization createReturnAuthorization(CreateReturnAuthorization authorization) {
		return call("POST return authorization " + authorization.externalReference(), () -> http.post()
			.uri("/return-authorizations")
			.contentType(MediaType.APPLICATION_JSON)
			.body(authorization)
			.exchange((request, response) -> read(response, ReturnAuthorization.class)));
	}

	/**
	 * Cancels the RMA in ERP (its items are rejected) and answers it as ERP shows it then. A repeat
	 * writes nothing; an unknown RMA is a 404 rejection, one the warehouse received a 409.
	 */
	public ReturnAuthorization cancelReturnAuthorization(ReturnAuthorizationId rma, CancelReturnAuthorization cancel) {
		return call("POST cancellation of return authorization " + rma, () -> http.post()
			.uri("/return-authorizations/{id}/cancellation", rma.value())
			.contentType(MediaType.APPLICATION_JSON)
			.body(cancel)
			.exchange((request, response) -> read(response, ReturnAuthorization.class)));
	}

	/** Every RMA of the order in ERP, the hub's own included. */
	public List<ReturnAuthorization> findReturnAuthorizations(OrderId orderId) {
		return call("GET return authorizations of " + orderId, () -> http.get()
			.uri(uri -> uri.path("/return-authorizations").queryParam("orderId", orderId.value()).build())
			.exchange((request, response) -> read(response, RETURN_AUTHORIZATIONS)));
	}

	/** What the warehouse received for the RMA, first parcel to last, each with the running totals as of it. */
	public List<ReturnReceipt> findReturnReceipts(ReturnAuthorizationId rma) {
		return call("GET return receipts of " + rma, () -> http.get()
			.uri(uri -> uri.path("/return-receipts").queryParam("rmaNumber", rma.value()).build())
			.exchange((request, response) -> read(response, RETURN_RECEIPTS)));
	}

	/** The warehouse system's stores (the locations an in-store return can be taken at). */
	public List<Location> findStores() {
		return call("GET store locations", () -> http.get()
			.uri(uri -> uri.path("/locations").queryParam("type", LocationType.STORE).build())
			.exchange((request, response) -> read(response, LOCATIONS)));
	}

	/**
	 * Books a parcel handed over at a store for an RMA; a repeat answers the receipt booked before
	 * (the system API looks first), so it is safe to send again after a lost answer.
	 */
	public ReturnReceipt recordStoreReceipt(RecordReturnReceipt receipt) {
		return call("POST store receipt of " + receipt.rmaNumber(), () -> http.post()
			.uri("/return-receipts")
			.contentType(MediaType.APPLICATION_JSON)
			.body(receipt)
			.exchange((request, response) -> read(response, ReturnReceipt.class)));
	}

	/** Posts the credit memo request, or returns the one ERP already has under the same external reference. */
	public CreditMemo createCreditMemo(CreateCreditMemo memo) {
		return call("POST credit memo " + memo.externalReference(), () -> http.post()
			.uri("/credit-memos")
			.contentType(MediaType.APPLICATION_JSON)
			.body(memo)
			.exchange((request, response) -> read(response, CreditMemo.class)));
	}

	/** Every credit memo request ERP holds for the order, the ones from before the hub included. */
	public List<CreditMemo> findCreditMemos(OrderId orderId) {
		return call("GET credit memos of " + orderId, () -> http.get()
			.uri(uri -> uri.path("/credit-memos").queryParam("orderId", orderId.value()).build())
			.exchange((request, response) -> read(response, CREDIT_MEMOS)));
	}

	/**
	 * Refunds through the payment provider. The same key with the same body answers the first
	 * refund again; the same key with another body is refused (409).
	 */
	public Refund createRefund(String idempotencyKey, CreateRefund refund) {
		return call("POST refund " + refund.reference(), () -> http.post()
			.uri("/refunds")
			.header(Headers.IDEMPOTENCY_KEY, idempotencyKey)
			.contentType(MediaType.APPLICATION_JSON)
			.body(refund)
			.exchange((request, response) -> read(response, Refund.class)));
	}

	/** The provider's refunds of an order, all of them. */
	public List<Refund> findRefunds(OrderId orderId) {
		return call("GET refunds of " + orderId, () -> http.get()
			.uri(uri -> uri.path("/refunds").queryParam("orderId", orderId.value()).build())
			.exchange((request, response) -> read(response, REFUNDS)));
	}

	/**
	 * The provider's refunds of an order recorded under the hub's reference: how a step finds out
	 * whether an attempt whose answer was lost did pay, even after the provider forgot the key.
	 */
	public List<Refund> findRefunds(OrderId orderId, String reference) {
		return call("GET refunds of " + orderId + " by " + reference, () -> http.get()
			.uri(uri -> uri.path("/refunds")
				.queryParam("orderId", orderId.value())
				.queryParam("reference", reference)
				.build())
			.exchange((request, response) -> read(response, REFUNDS)));
	}

	/** Opens the case with this external ID, or updates the one CRM has (an upsert). */
	public ServiceCase openCase(OpenCase openCase) {
		return call("POST case " + openCase.externalId(), () -> http.post()
			.uri("/cases")
			.contentType(MediaType.APPLICATION_JSON)
			.body(openCase)
			.exchange((request, response) -> read(response, ServiceCase.class)));
	}

	/** The case with its comments. */
	public ServiceCase findCase(CaseId caseId) {
		return call("GET case " + caseId, () -> http.get()
			.uri("/cases/{id}", caseId.value())
			.exchange((request, response) -> read(response, ServiceCase.class)));
	}

	public ServiceCase updateCase(CaseId caseId, UpdateCase update) {
		return call("PATCH case " + caseId, () -> http.patch()
			.uri("/cases/{id}", caseId.value())
			.contentType(MediaType.APPLICATION_JSON)
			.body(update)
			.exchange((request, response) -> read(response, ServiceCase.class)));
	}

	/** Adds a comment. Not idempotent: look for the comment first (see {@link #findCase(CaseId)}). */
	public void addCaseComment(CaseId caseId, AddCaseComment comment) {
		call("POST comment on case " + caseId, () -> http.post()
			.uri("/cases/{id}/comments", caseId.value())
			.contentType(MediaType.APPLICATION_JSON)
			.body(comment)
			.exchange((request, response) -> {
				failUnlessSuccessful(response);
				return null;
			}));
	}

	private interface Call<T> {

		T run();

	}

	private static <T> T call(String what, Call<T> call) {
		try {
			return call.run();
		}
		catch (ResourceAccessException ex) {
			throw transportFailure(what, ex);
		}
	}

	/**
	 * Connection refused or a connect timeout: the request never left, nothing happened. Anything
	 * else (read timeout, reset, no bytes) may have come after the request was sent.
	 */
	private static SystemApiException transportFailure(String what, ResourceAccessException ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof ConnectException || cause instanceof HttpConnectTimeoutException) {
				return new SystemApiUnavailable(SystemApiUnavailable.SYSTEM_API, null, what + ": no connection", ex);
			}
		}
		return new SystemApiAmbiguous(what + ": no answer (" + ex.getMostSpecificCause().getClass().getSimpleName() + ")",
				ex);
	}

	private static <T> T read(ConvertibleClientHttpResponse response, Class<T> type) throws IOException {
		failUnlessSuccessful(response);
		T body = response.bodyTo(type);
		if (body == null) {
			throw new SystemApiAmbiguous("system API answered " + response.getStatusCode() + " without a body", null);
		}
		return body;
	}

	private static <T> T read(ConvertibleClientHttpResponse response, ParameterizedTypeReference<T> type)
			throws IOException {
		failUnlessSuccessful(response);
		T body = response.bodyTo(type);
		if (body == null) {
			throw new SystemApiAmbiguous("system API answered " + response.getStatusCode() + " without a body", null);
		}
		return body;
	}

	private static void failUnlessSuccessful(ConvertibleClientHttpResponse response) throws IOException {
		int status = response.getStatusCode().value();
		if (status < 400) {
			return;
		}
		Map<String, Object> problem = problem(response);
		String detail = text(problem.get("detail"));
		if (status == HttpStatus.SERVICE_UNAVAILABLE.value()) {
			String backend = text(problem.get(ProblemProperties.BACKEND));
			throw new SystemApiUnavailable(backend == null ? SystemApiUnavailable.SYSTEM_API : backend,
					retryAfter(response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)), detail, null);
		}
		if (status >= 500) {
			throw new SystemApiAmbiguous("system API answered " + status + ": " + detail, null);
		}
		String type = text(problem.get("type"));
		throw new SystemApiRejection(status, type == null ? URI.create("about:blank") : URI.create(type), detail,
				text(problem.get(ProblemProperties.BACKEND)), text(problem.get(ProblemProperties.BACKEND_CODE)));
	}

	private static Map<String, Object> problem(ConvertibleClientHttpResponse response) {
		try {
			Map<String, Object> problem = response.bodyTo(PROBLEM);
			return problem == null ? Map.of() : problem;
		}
		catch (RuntimeException ex) {
			// not a problem document (a proxy's HTML page, an empty body): the status says enough
			return Map.of();
		}
	}

	private static String text(Object value) {
		return value == null ? null : value.toString();
	}

	/** Retry-After in delta-seconds; an HTTP date is rare enough here to fall back to the engine's backoff. */
	static Duration retryAfter(String header) {
		if (header == null || header.isBlank()) {
			return null;
		}
		try {
			long seconds = Long.parseLong(header.strip());
			return seconds < 0 ? null : Duration.ofSeconds(seconds);
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	/** True for a rejection that means "the thing asked for does not exist". */
	public static boolean isNotFound(SystemApiException ex) {
		return ex instanceof SystemApiRejection rejection && rejection.is(ProblemType.NOT_FOUND);
	}
}
