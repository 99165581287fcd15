package io.retailhub.experience.downstream;

import java.util.List;

import io.retailhub.contracts.CaseComment;
import io.retailhub.contracts.CaseId;
import io.retailhub.contracts.Customer;
import io.retailhub.contracts.CustomerId;
import io.retailhub.contracts.Order;
import io.retailhub.contracts.OrderId;
import io.retailhub.contracts.Refund;
import io.retailhub.contracts.RefundId;
import io.retailhub.contracts.ReturnPolicyEvaluation;
import io.retailhub.contracts.ServiceCase;
import io.retailhub.contracts.commands.AddCaseComment;
import io.retailhub.contracts.commands.EvaluateReturnPolicy;
import io.retailhub.experience.security.ActingUser;
import io.retailhub.security.ServiceTokenInterceptor;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/** The system API's capabilities experience-api reads (and the one it writes: case comments). */
@Component
public class SystemApiClient {

	static final String SERVICE = "system-api";

	private static final ParameterizedTypeReference<List<Order>> ORDERS = new ParameterizedTypeReference<>() {
	};

	private static final ParameterizedTypeReference<List<Customer>> CUSTOMERS = new ParameterizedTypeReference<>() {
	};

	private static final ParameterizedTypeReference<List<ServiceCase>> CASES = new ParameterizedTypeReference<>() {
	};

	private static final ParameterizedTypeReference<List<Refund>> REFUNDS = new ParameterizedTypeReference<>() {
	};

	private final Downstream api;

	SystemApiClient(DownstreamSettings settings, RestClient.Builder builder, JsonMapper json, ServiceTokenInterceptor tokens) {
		this.api = new Downstream(SERVICE, "/api/system/v1", settings.systemApi(), builder, json, tokens);
	}

	/**
	 * The order with its lines and the parts named ({@code shipments}, {@code payment}); none
	 * for header and lines only (ERP alone).
	 */
	public Order order(OrderId id, String... parts) {
		String include = parts.length == 0 ? "lines" : String.join(",", parts);
		String what = "GET order " + id;
		return this.api.call(what, () -> this.api.http()
			.get()
			.uri("/orders/{id}?include={include}", id.value(), include)
			.exchange((request, response) -> this.api.read(what, response, Order.class)));
	}

	/** The customer's orders, newest first (header and lines). */
	public List<Order> ordersOfCustomer(CustomerId customerId, int limit) {
		String what = "GET orders of customer " + customerId;
		return this.api.call(what, () -> this.api.http()
			.get()
			.uri("/orders?customerId={id}&limit={limit}", customerId.value(), limit)
			.exchange((request, response) -> this.api.read(what, response, ORDERS)));
	}

	public Customer customer(CustomerId id) {
		String what = "GET customer " + id;
		return this.api.call(what, () -> this.api.http()
			.get()
			.uri("/customers/{id}", id.value())
			.exchange((request, response) -> this.api.read(what, response, Customer.class)));
	}

	/** Customers with this e-mail (ignoring case) or phone; give one. */
	public List<Customer> searchCustomers(String email, String phone) {
		String what = "search customers";
		return this.api.call(what, () -> this.api.http()
			.get()
			.uri(uri -> {
				uri.path("/customers");
				if (email != null) {
					uri.queryParam("email", "{email}");
				}
				if (phone != null) {
					uri.queryParam("phone", "{phone}");
				}
				return uri.build(java.util.stream.Stream.of(email, phone).filter(v -> v != null).toArray());
			})
			.exchange((request, response) -> this.api.read(what, response, CUSTOMERS)));
	}

	public List<ServiceCase> casesOfOrder(OrderId orderId) {
		String what = "GET cases of order " + orderId;
		return this.api.call(what, () -> this.api.http()
			.get()
			.uri("/cases?orderId={id}", orderId.value())
			.exchange((request, response) -> this.api.read(what, response, CASES)));
	}

	public List<ServiceCase> casesOfCustomer(CustomerId customerId) {
		String what = "GET cases of customer " + customerId;
		return this.api.call(what, () -> this.api.http()
			.get()
			.uri("/cases?customerId={id}", customerId.value())
			.exchange((request, response) -> this.api.read(what, response, CASES)));
	}

	public ServiceCase serviceCase(CaseId id) {
		String what = "GET case " + id;
		return this.api.call(what, () -> this.api.http()
			.get()
			.uri("/cases/{id}", id.value())
			.exchange((request, response) -> this.api.read(what, response, ServiceCase.class)));
	}

	/** A comment on the case, sent once (the CRM's comments are not idempotent). */
	public CaseComment comment(CaseId id, AddCaseComment comment, ActingUser actingUser) {
		String what = "POST comment on case " + id;
		return this.api.call(what, () -> this.api.http()
			.post()
			.uri("/cases/{id}/comments", id.value())
			.header(ActingUser.HEADER, actingUser.header())
			.contentType(MediaType.APPLICATION_JSON)
			.body(comment)
			.exchange((request, response) -> this.api.read(what, response, CaseComment.class)));
	}

	/** The order's refunds at the payment provider, newest first. */
	public List<Refund> refundsOfOrder(OrderId orderId) {
		String what = "GET refunds of order " + orderId;
		return this.api.call(what, () -> this.api.http()
			.get()
			.uri("/refunds?orderId={id}", orderId.value())
			.exchange((request, response) -> this.api.read(what, response, REFUNDS)));
	}

	public Refund refund(RefundId id) {
		String what = "GET refund " + id;
		return this.api.call(what, () -> this.api.http()
			.get()
			.uri("/refunds/{id}", id.value())
			.exchange((request, response) -> this.api.read(what, response, Refund.class)));
	}

	public ReturnPolicyEvaluation evaluate(EvaluateReturnPolicy evaluation) {
		String what = "POST return policy evaluation of order " + evaluation.orderId();
		return this.api.call(what, () -> this.api.http()
			.post()
			.uri("/return-policy/evaluations")
			.contentType(MediaType.APPLICATION_JSON)
			.body(evaluation)
			.exchange((request, response) -> this.api.read(what, response, ReturnPolicyEvaluation.class)));
	}
}
