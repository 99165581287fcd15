package io.retailhub.experience.store;

import java.net.URI;
import java.util.UUID;

import io.retailhub.contracts.Identifier;
import io.retailhub.contracts.OrderId;
import io.retailhub.contracts.problems.Headers;
import io.retailhub.experience.downstream.DownstreamException;
import io.retailhub.experience.downstream.NewStoreReturn;
import io.retailhub.experience.downstream.ProcessApiClient;
import io.retailhub.experience.downstream.ProcessApiClient.Started;
import io.retailhub.experience.downstream.ProcessReturn;
import io.retailhub.experience.security.ActingUser;
import io.retailhub.web.ProblemException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * In-store returns of online orders, taken at the staff member's own store (the {@code store_id}
 * claim of their token): the parcel is received there at once, with the staff's inspection per
 * line, and the refund goes to the original payment through the process layer's return workflow.
 * A return of another store answers 404 like an unknown one.
 */
@RestController
@RequestMapping(StoreApi.PATH + "/returns")
@Validated
class StoreReturnController {

	private final StoreOrders orders;

	private final ProcessApiClient process;

	StoreReturnController(StoreOrders orders, ProcessApiClient process) {
		this.orders = orders;
		this.process = process;
	}

	/** 201 with Location; 200 with the same return when the key was used before. */
	@PostMapping
	ResponseEntity<ProcessReturn> take(@AuthenticationPrincipal Jwt token,
			@RequestHeader(Headers.IDEMPOTENCY_KEY) @Size(max = 200) @Identifier String key,
			@Valid @RequestBody StoreReturnRequest body) {
		String storeId = storeOf(token);
		OrderId orderId = OrderId.of(body.orderId());
		this.orders.verified(orderId, body.email(), body.lastName());
		ActingUser staff = ActingUser.storeStaff(token);
		Started started = this.process.startInStore("store-" + storeId + ":" + key,
				new NewStoreReturn(orderId.value(), storeId,
						body.lines()
							.stream()
							.map(l -> new NewStoreReturn.Line(l.lineNumber(), l.quantity(), l.reason(), l.condition(),
									l.disposition()))
							.toList()),
				staff);
		if (!started.created()) {
			return ResponseEntity.ok(started.started());
		}
		return ResponseEntity.created(URI.create(StoreApi.PATH + "/returns/" + started.started().id()))
			.body(started.started());
	}

	/** A return taken at this store. */
	@GetMapping("/{returnId}")
	ProcessReturn find(@AuthenticationPrincipal Jwt token, @PathVariable UUID returnId) {
		String storeId = storeOf(token);
		ProcessReturn found;
		try {
			found = this.process.returnOf(returnId);
		}
		catch (DownstreamException ex) {
			if (ex.notFound()) {
				throw noReturn(returnId);
			}
			throw ex;
		}
		if (!storeId.equals(found.storeId())) {
			throw noReturn(returnId);
		}
		return found;
	}

	private static String storeOf(Jwt token) {
		String storeId = token.getClaimAsString(ActingUser.STORE_ID_CLAIM);
		if (storeId == null || storeId.isBlank()) {
			throw new ProblemException(io.retailhub.contracts.problems.ProblemType.FORBIDDEN,
					"This token names no store.");
		}
		return storeId;
	}

	private static ProblemException noReturn(UUID id) {
		return ProblemException.notFound("No return " + id + " at this store.");
	}
}
