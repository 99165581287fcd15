package io.retailhub.experience.downstream;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import io.retailhub.contracts.CaseComment;
import io.retailhub.contracts.CaseId;
import io.retailhub.contracts.Customer;
import io.retailhub.contracts.CustomerId;
import io.retailhub.contracts.Order;
import io.retailhub.contracts.OrderId;
import io.retailhub.contracts.Payment;
import io.retailhub.contracts.Refund;
import io.retailhub.contracts.RefundId;
import io.retailhub.contracts.ReturnPolicyEvaluation;
import io.retailhub.contracts.ServiceCase;
import io.retailhub.contracts.Shipment;
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

	private static final ParameterizedTypeReference<List<Shipment>> SHIPMENTS = new ParameterizedTypeReference<>() {
	};

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

	/** Customers with this e-mail (ignoring case), phone or name (words starting first or last name); give one. */
	public List<Customer> searchCustomers(String email, String phone, String name) {
		String what = "search customers";
		Map<String, String> given = new LinkedHashMap<>();
		given.put("email", email);
		given.put("phone", phone);
		given.put("name", name);
		given.values().removeIf(Objects::isNull);
		return this.api.call(what, () -> this.api.http()
			.get()
			.uri(uri -> {
				uri.path("/customers");
				given.keySet().forEach(key -> uri.queryParam(key, "{" + key + "}"));
				return uri.build(given);
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

	/** The order's parcels, from the warehouse alone (so they answer while ERP is down). */
	public List<Shipment> shipmentsOfOrder(OrderId orderId) {
		String what = "GET shipments of order " + orderId;
		return this.api.call(what, () -> this.api.http()
			.get()
			.uri("/orders/{id}/shipments", orderId.value())
			.exchange((request, response) -> this.api.read(what, response, SHIPMENTS)));
	}

	/** The order's payment, from the payment provider alone; empty when it holds none. */
	public Optional<Payment> paymentOfOrder(OrderId orderId) {
		String what = "GET payment of order " + orderId;
		try {
			return Optional.of(this.api.call(what, () -> this.api.http()
				.get()
				.uri("/orders/{id}/payment", orderId.value())
				.exchange((request, response) -> this.api.read(what, response, Payment.class))));
		}
		catch (DownstreamException ex) {
			if (ex.notFound()) {
				return Optional.empty();
			}
			throw ex;
		}
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
