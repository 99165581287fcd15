package io.retailhub.experience.downstream;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.retailhub.contracts.CustomerId;
import io.retailhub.contracts.OrderId;
import io.retailhub.contracts.problems.Headers;
import io.retailhub.experience.security.ActingUser;
import io.retailhub.security.ServiceTokenInterceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/** The process API's returns: read, started, canceled and resumed on behalf of an {@link ActingUser}. */
@Component
public class ProcessApiClient {

	private static final Logger log = LoggerFactory.getLogger(ProcessApiClient.class);

	static final String SERVICE = "process-api";

	private static final ParameterizedTypeReference<List<ProcessReturn>> RETURNS = new ParameterizedTypeReference<>() {
	};

	/** The newest returns of an order or customer read at once (the process API's largest page). */
	static final int PAGE = 100;

	private final Downstream api;

	ProcessApiClient(DownstreamSettings settings, RestClient.Builder builder, JsonMapper json, ServiceTokenInterceptor tokens) {
		this.api = new Downstream(SERVICE, "/api/process/v1", settings.processApi(), builder, json, tokens);
	}

	public List<ProcessReturn> returnsOfOrder(OrderId orderId) {
		String what = "GET returns of order " + orderId;
		return this.api.call(what, () -> this.api.http()
			.get()
			.uri("/returns?orderId={id}&limit=" + PAGE, orderId.value())
			.exchange((request, response) -> this.api.read(what, response, RETURNS)));
	}

	public List<ProcessReturn> returnsOfCustomer(CustomerId customerId) {
		String what = "GET returns of customer " + customerId;
		return this.api.call(what, () -> this.api.http()
			.get()
			.uri("/returns?customerId={id}&limit=" + PAGE, customerId.value())
			.exchange((request, response) -> this.api.read(what, response, RETURNS)));
	}

	public ProcessReturn returnOf(UUID id) {
		String what = "GET return " + id;
		return this.api.call(what, () -> this.api.http()
			.get()
			.uri("/returns/{id}", id)
			.exchange((request, response) -> this.api.read(what, response, ProcessReturn.class)));
	}

	/** Starts the return, or answers the one the same key started before ({@code created} false). */
	public Started start(String idempotencyKey, NewReturn request, ActingUser actingUser) {
		return start("POST return of order " + request.orderId(), "/returns", idempotencyKey, request, actingUser);
	}

	/**
	 * Starts an in-store return (channel STORE) at the staff member's store: the parcel is received
	 * at the store, with the staff's inspection per line.
	 */
	public Started startInStore(String idempotencyKey, NewStoreReturn request, ActingUser actingUser) {
		return start("POST store return of order " + request.orderId(), "/store-returns", idempotencyKey, request,
				actingUser);
	}

	private Started start(String what, String path, String idempotencyKey, Object request, ActingUser actingUser) {
		return this.api.call(what, () -> this.api.http()
			.post()
			.uri(path)
			.header(Headers.IDEMPOTENCY_KEY, idempotencyKey)
			.header(ActingUser.HEADER, actingUser.header())
			.contentType(MediaType.APPLICATION_JSON)
			.body(request)
			.exchange((req, response) -> started(what, this.api.read(what, response, ProcessReturn.class),
					response.getStatusCode().value() == 201, actingUser)));
	}

	private static Started started(String what, ProcessReturn started, boolean created, ActingUser actingUser) {
		log.info("{} for {}: {} return {}", what, actingUser.header(), created ? "started" : "answered the earlier",
				started.id());
		return new Started(started, created);
	}

	public record Started(ProcessReturn started, boolean created) {
	}

	public ProcessReturn cancel(UUID id, String reason, ActingUser actingUser) {
		String what = "POST cancel return " + id;
		return this.api.call(what, () -> this.api.http()
			.post()
			.uri("/returns/{id}/cancel", id)
			.header(ActingUser.HEADER, actingUser.header())
			.contentType(MediaType.APPLICATION_JSON)
			.body(reason == null ? Map.of() : Map.of("reason", reason))
			.exchange((req, response) -> this.api.read(what, response, ProcessReturn.class)));
	}

	/** The return's parcel was handed to a carrier (process-api answers 409 before the RMA or after receipt). */
	public ProcessReturn recordParcel(UUID id, String carrier, String trackingCode, ActingUser actingUser) {
		String what = "POST parcel of return " + id;
		return this.api.call(what, () -> this.api.http()
			.post()
			.uri("/returns/{id}/parcel", id)
			.header(ActingUser.HEADER, actingUser.header())
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("carrier", carrier, "trackingCode", trackingCode))
			.exchange((req, response) -> this.api.read(what, response, ProcessReturn.class)));
	}

	public ProcessReturn resume(UUID id, ActingUser actingUser) {
		String what = "POST resume return " + id;
		return this.api.call(what, () -> this.api.http()
			.post()
			.uri("/returns/{id}/resume", id)
			.header(ActingUser.HEADER, actingUser.header())
			.exchange((req, response) -> this.api.read(what, response, ProcessReturn.class)));
	}

	/** A page of the records process-api's consumers gave up on, newest first, as process-api answers it. */
	public JsonNode deadLetters(int page, int size) {
		String what = "GET dead letters";
		return this.api.call(what, () -> this.api.http()
			.get()
			.uri("/dead-letters?page={page}&size={size}", page, size)
			.exchange((request, response) -> this.api.read(what, response, JsonNode.class)));
	}

	public JsonNode deadLetter(UUID id) {
		String what = "GET dead letter " + id;
		return this.api.call(what, () -> this.api.http()
			.get()
			.uri("/dead-letters/{id}", id)
			.exchange((request, response) -> this.api.read(what, response, JsonNode.class)));
	}

	/** Publishes the dead letter's record again to its topic (idempotent at process-api). */
	public JsonNode replayDeadLetter(UUID id, ActingUser actingUser) {
		String what = "POST replay dead letter " + id;
		return this.api.call(what, () -> this.api.http()
			.post()
			.uri("/dead-letters/{id}/replay", id)
			.header(ActingUser.HEADER, actingUser.header())
			.exchange((request, response) -> this.api.read(what, response, JsonNode.class)));
	}
}
