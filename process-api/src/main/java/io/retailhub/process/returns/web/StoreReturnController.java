package io.retailhub.process.returns.web;

import java.net.URI;

import io.retailhub.contracts.ActingUser;
import io.retailhub.contracts.Identifier;
import io.retailhub.contracts.Identifiers;
import io.retailhub.contracts.OrderId;
import io.retailhub.contracts.events.ReturnChannel;
import io.retailhub.contracts.problems.Headers;
import io.retailhub.process.returns.RequestedLine;
import io.retailhub.process.returns.ReturnManagement;
import io.retailhub.process.returns.ReturnRequest;
import io.retailhub.process.returns.StoreInspection;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * In-store returns of online orders: the same durable return workflow (channel STORE), with the
 * parcel received at the store's location as soon as ERP holds the RMA, and the staff's inspection
 * per line. Idempotent on {@code Idempotency-Key} like {@code POST /returns}; the return is then read,
 * listed, canceled and resumed under {@code /returns}.
 */
@RestController
@RequestMapping("/api/process/v1/store-returns")
class StoreReturnController {

	private final ReturnManagement returns;

	StoreReturnController(ReturnManagement returns) {
		this.returns = returns;
	}

	/**
	 * 201 with Location {@code /api/process/v1/returns/{id}}; 200 with the same return for a repeat;
	 * 422 {@code not-a-store} when {@code storeId} is not one of the warehouse system's stores.
	 */
	@PostMapping
	ResponseEntity<ReturnResponse> create(
			@RequestHeader(Headers.IDEMPOTENCY_KEY) @Size(max = Identifiers.MAX_KEY_LENGTH) @Identifier String key,
			@RequestHeader(name = Headers.ACTING_USER, required = false) @Size(
					max = ActingUser.MAX_LENGTH) @Pattern(regexp = ActingUser.PATTERN,
							message = ActingUser.PATTERN_MESSAGE) String actingUser,
			@Valid @RequestBody CreateStoreReturnRequest body) {
		ReturnManagement.Requested requested = returns.request(new ReturnRequest(key, OrderId.of(body.orderId()),
				ReturnChannel.STORE,
				body.lines()
					.stream()
					.map(l -> new RequestedLine(l.lineNumber(), l.quantity(), l.reason(),
							new StoreInspection(l.condition(), l.disposition())))
					.toList(),
				ReturnController.actor(actingUser), body.storeId()));
		ReturnResponse response = ReturnResponse.of(requested.view());
		if (!requested.created()) {
			return ResponseEntity.ok(response);
		}
		return ResponseEntity.created(URI.create(ReturnController.PATH + "/" + response.id())).body(response);
	}
}
