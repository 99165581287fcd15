package io.retailhub.process.returns.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.retailhub.contracts.ActingUser;
import io.retailhub.contracts.CustomerId;
import io.retailhub.contracts.Identifier;
import io.retailhub.contracts.Identifiers;
import io.retailhub.contracts.OrderId;
import io.retailhub.contracts.problems.Headers;
import io.retailhub.contracts.problems.ProblemType;
import io.retailhub.process.platform.web.Paging;
import io.retailhub.process.returns.RequestedLine;
import io.retailhub.process.returns.ReturnManagement;
import io.retailhub.process.returns.ReturnRequest;
import io.retailhub.process.returns.ReturnView;
import io.retailhub.web.ProblemException;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Returns: request one (idempotent on the {@code Idempotency-Key} header), read them, cancel one
 * before the warehouse receives it, send one that required action back where it was. Requesting,
 * canceling and resuming take the optional {@code X-Acting-User} header ({@code <role>:<subject>}):
 * the person the calling channel acts for, recorded on the return and its timeline.
 */
@RestController
@RequestMapping(ReturnController.PATH)
class ReturnController {

	static final String PATH = "/api/process/v1/returns";

	private final ReturnManagement returns;

	ReturnController(ReturnManagement returns) {
		this.returns = returns;
	}

	/**
	 * 201 with Location for a new return; 200 with the same return when the request is repeated.
	 * The key is 1 to 255 characters of the identifier alphabet.
	 */
	@PostMapping
	ResponseEntity<ReturnResponse> create(
			@RequestHeader(Headers.IDEMPOTENCY_KEY) @Size(max = Identifiers.MAX_KEY_LENGTH) @Identifier String key,
			@RequestHeader(name = Headers.ACTING_USER, required = false) @Size(
					max = ActingUser.MAX_LENGTH) @Pattern(regexp = ActingUser.PATTERN,
							message = ActingUser.PATTERN_MESSAGE) String actingUser,
			@Valid @RequestBody CreateReturnRequest body) {
		ReturnManagement.Requested requested = returns.request(new ReturnRequest(key, OrderId.of(body.orderId()),
				body.channel(),
				body.lines().stream().map(l -> new RequestedLine(l.lineNumber(), l.quantity(), l.reason())).toList(),
				actor(actingUser)));
		ReturnResponse response = ReturnResponse.of(requested.view());
		if (!requested.created()) {
			return ResponseEntity.ok(response);
		}
		return ResponseEntity.created(URI.create(PATH + "/" + response.id())).body(response);
	}

	@GetMapping("/{id}")
	ReturnResponse find(@PathVariable UUID id) {
		return returns.find(id).map(ReturnResponse::of).orElseThrow(() -> ProblemException.notFound("No return " + id + "."));
	}

	/** The returns of one order or of one customer, newest first, one bounded page at a time. */
	@GetMapping
	ResponseEntity<List<ReturnResponse>> list(
			@RequestParam(required = false) @Size(max = Identifiers.MAX_LENGTH) @Identifier String orderId,
			@RequestParam(required = false) @Size(max = Identifiers.MAX_LENGTH) @Identifier String customerId,
			@RequestParam(defaultValue = "" + Paging.DEFAULT_LIMIT) @Min(1) @Max(Paging.MAX_LIMIT) int limit,
			@RequestParam(defaultValue = "0") @Min(0) @Max(Paging.MAX_PAGE) int page) {
		if ((orderId == null) == (customerId == null)) {
			throw new ProblemException(ProblemType.INVALID_REQUEST, "Give exactly one of orderId and customerId.");
		}
		List<ReturnView> found = orderId != null ? returns.findByOrder(OrderId.of(orderId), Paging.of(page, limit))
				: returns.findByCustomer(CustomerId.of(customerId), Paging.of(page, limit));
		return Paging.answer(found.stream().map(ReturnResponse::of).toList(), page, limit);
	}

	/** Cancels before receipt; 409 once the warehouse received something. */
	@PostMapping("/{id}/cancel")
	ReturnResponse cancel(@PathVariable UUID id,
			@RequestHeader(name = Headers.ACTING_USER, required = false) @Size(
					max = ActingUser.MAX_LENGTH) @Pattern(regexp = ActingUser.PATTERN,
							message = ActingUser.PATTERN_MESSAGE) String actingUser,
			@Valid @RequestBody(required = false) CancelReturnRequest body) {
		return ReturnResponse.of(returns.cancel(id, body == null ? null : body.reason(), actor(actingUser)));
	}

	/**
	 * The shopper handed the authorized return's parcel to a carrier: on its way back, no longer
	 * cancelable; 409 before the RMA exists or once the warehouse received something.
	 */
	@PostMapping("/{id}/parcel")
	ReturnResponse parcel(@PathVariable UUID id,
			@RequestHeader(name = Headers.ACTING_USER, required = false) @Size(
					max = ActingUser.MAX_LENGTH) @Pattern(regexp = ActingUser.PATTERN,
							message = ActingUser.PATTERN_MESSAGE) String actingUser,
			@Valid @RequestBody ReturnParcelRequest body) {
		return ReturnResponse.of(returns.recordParcel(id, body.carrier().strip(), body.trackingCode().strip(),
				actor(actingUser)));
	}

	/** A person decided about a return that required action: back to where it was. */
	@PostMapping("/{id}/resume")
	ReturnResponse resume(@PathVariable UUID id,
			@RequestHeader(name = Headers.ACTING_USER, required = false) @Size(
					max = ActingUser.MAX_LENGTH) @Pattern(regexp = ActingUser.PATTERN,
							message = ActingUser.PATTERN_MESSAGE) String actingUser) {
		return ReturnResponse.of(returns.resume(id, actor(actingUser)));
	}

	/** The {@code X-Acting-User} header, validated by the parameter constraints before this runs. */
	static ActingUser actor(String header) {
		return header == null ? null : ActingUser.of(header);
	}
}
