package io.retailhub.sandbox.backends.warehouse;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.retailhub.sandbox.backends.warehouse.ErpReturnNotices.ErpUnavailableException;
import io.retailhub.sandbox.backends.warehouse.WarehousePayloads.FieldProblem;
import io.retailhub.sandbox.backends.warehouse.WarehousePayloads.ReturnReceiptResponse;
import io.retailhub.sandbox.backends.webhooks.WebhookDispatcher;
import io.retailhub.sandbox.backends.webhooks.WebhookDispatcher.Chaos;
import io.retailhub.sandbox.backends.webhooks.WebhookDispatcher.DeliveryView;
import io.retailhub.sandbox.backends.webhooks.WebhookSettings;

import org.springframework.boot.convert.DurationStyle;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The warehouse's admin API, for people and tests (problem+json errors, camelCase):
 * <ul>
 * <li>{@code PUT /admin/warehouse/webhooks {"url":"...","secret":"..."}} subscribes (the secret
 * defaults to the configured one), {@code DELETE} unsubscribes, {@code GET} shows the
 * subscription, retry policy and chaos;</li>
 * <li>{@code PUT /admin/warehouse/webhooks/chaos {"duplicateProbability":0.5,"outOfOrderProbability":0.5,"maxHold":"30s"}}
 * (each member optional), {@code DELETE} stops the chaos;</li>
 * <li>{@code GET /admin/warehouse/webhooks/deliveries}: the delivery log;</li>
 * <li>{@code POST /admin/warehouse/rmas/{rmaNumber}/receive}, body optional
 * {@code {"warehouseId":"DC-EAST","lines":[{"lineNumber":"10","received":1,"damaged":1,"rejected":0}]}}:
 * a parcel arrives for the RMA;</li>
 * <li>{@code PUT /admin/warehouse/auto-receive {"after":"20s"}} ({@code "0s"} = off).</li>
 * </ul>
 */
@RestController
@RequestMapping("/admin/warehouse")
class WarehouseAdminController {

	private final WarehouseWebhooks webhooks;

	private final ReturnReceiving receiving;

	WarehouseAdminController(WarehouseWebhooks webhooks, ReturnReceiving receiving) {
		this.webhooks = webhooks;
		this.receiving = receiving;
	}

	@GetMapping("/webhooks")
	SubscriptionResponse subscription() {
		return SubscriptionResponse.of(webhooks);
	}

	@PutMapping("/webhooks")
	SubscriptionResponse subscribe(@Valid @RequestBody SubscriptionRequest request) {
		webhooks.subscribe(request.url(), request.secret());
		return SubscriptionResponse.of(webhooks);
	}

	@DeleteMapping("/webhooks")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void unsubscribe() {
		webhooks.unsubscribe();
	}

	@GetMapping("/webhooks/chaos")
	ChaosResponse chaos() {
		return ChaosResponse.of(webhooks.chaos());
	}

	@PutMapping("/webhooks/chaos")
	ChaosResponse chaos(@Valid @RequestBody ChaosRequest request) {
		Chaos current = webhooks.chaos();
		Chaos changed = new Chaos(
				request.duplicateProbability() != null ? request.duplicateProbability() : current.duplicateProbability(),
				request.outOfOrderProbability() != null ? request.outOfOrderProbability()
						: current.outOfOrderProbability(),
				request.maxHold() != null ? duration(request.maxHold(), "maxHold") : current.maxHold());
		return ChaosResponse.of(webhooks.chaos(changed));
	}

	@DeleteMapping("/webhooks/chaos")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void calm() {
		webhooks.chaos(new Chaos(0, 0, webhooks.chaos().maxHold()));
	}

	@GetMapping("/webhooks/deliveries")
	List<DeliveryView> deliveries() {
		return webhooks.deliveries();
	}

	@PostMapping("/rmas/{rmaNumber}/receive")
	ResponseEntity<ReturnReceiptResponse> receive(@PathVariable String rmaNumber,
			@Valid @RequestBody(required = false) ReceiveRequest request) {
		ReceiveRequest parcel = request != null ? request : new ReceiveRequest(null, null);
		ReturnReceiptResponse receipt = receiving.receive(rmaNumber, parcel.warehouseId(),
				parcel.lines() == null ? List.of() : parcel.lines());
		return ResponseEntity
			.created(URI.create("/warehouse" + WarehouseController.API + "/return-receipts/" + receipt.receiptId()))
			.body(receipt);
	}

	@GetMapping("/auto-receive")
	AutoReceiveResponse autoReceive() {
		return AutoReceiveResponse.of(receiving.autoReceiveAfter());
	}

	@PutMapping("/auto-receive")
	AutoReceiveResponse autoReceive(@Valid @RequestBody AutoReceiveRequest request) {
		receiving.autoReceiveAfter(duration(request.after(), "after"));
		return AutoReceiveResponse.of(receiving.autoReceiveAfter());
	}

	@ExceptionHandler(WarehouseApiException.class)
	ProblemDetail refused(WarehouseApiException ex) {
		String detail = ex.errors().isEmpty() ? ex.getMessage()
				: ex.errors().stream().map(FieldProblem::message).collect(Collectors.joining("; "));
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(ex.status(), detail);
		problem.setProperty("code", ex.code());
		return problem;
	}

	@ExceptionHandler(ErpUnavailableException.class)
	ProblemDetail erpUnavailable(ErpUnavailableException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
				"The warehouse cannot read the RMA from ERP: " + ex.getMessage());
	}

	@ExceptionHandler(IllegalArgumentException.class)
	ProblemDetail invalid(IllegalArgumentException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
	}

	/** {@code 20s}, {@code 500ms} or ISO-8601 {@code PT20S}. */
	private static Duration duration(String value, String member) {
		try {
			return DurationStyle.detectAndParse(value);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException(member + " must be a duration such as 20s, 500ms or PT20S");
		}
	}

	record SubscriptionRequest(@NotBlank @Size(max = 2000) String url, @Size(max = 200) String secret) {
	}

	/** The subscription without its secret; {@code url} is null when nobody is subscribed. */
	record SubscriptionResponse(String url, RetryResponse retry, ChaosResponse chaos) {

		static SubscriptionResponse of(WebhookDispatcher webhooks) {
			WebhookSettings.Retry retry = webhooks.retry();
			return new SubscriptionResponse(
					webhooks.subscription().map(s -> s.url().toString()).orElse(null),
					new RetryResponse(retry.initialBackoff().toString(), retry.multiplier(),
							retry.maxBackoff().toString(), retry.maxAge().toString()),
					ChaosResponse.of(webhooks.chaos()));
		}
	}

	record RetryResponse(String initialBackoff, double multiplier, String maxBackoff, String maxAge) {
	}

	record ChaosRequest(@DecimalMin("0.0") @DecimalMax("1.0") Double duplicateProbability,
			@DecimalMin("0.0") @DecimalMax("1.0") Double outOfOrderProbability, String maxHold) {
	}

	record ChaosResponse(double duplicateProbability, double outOfOrderProbability, String maxHold) {

		static ChaosResponse of(Chaos chaos) {
			return new ChaosResponse(chaos.duplicateProbability(), chaos.outOfOrderProbability(),
					chaos.maxHold().toString());
		}
	}

	record ReceiveRequest(@Size(max = 20) String warehouseId, @Size(max = 100) List<@NotNull @Valid ParcelCount> lines) {
	}

	record AutoReceiveRequest(@NotBlank String after) {
	}

	/** {@code after} as ISO-8601, {@code PT0S} when off. */
	record AutoReceiveResponse(String after, boolean enabled) {

		static AutoReceiveResponse of(Duration after) {
			return new AutoReceiveResponse(after.toString(), !after.isZero());
		}
	}
}
