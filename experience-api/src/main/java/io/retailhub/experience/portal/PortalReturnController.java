package io.retailhub.experience.portal;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.retailhub.contracts.Identifier;
import io.retailhub.contracts.OrderId;
import io.retailhub.contracts.events.ReturnChannel;
import io.retailhub.contracts.problems.Headers;
import io.retailhub.experience.downstream.NewReturn;
import io.retailhub.experience.downstream.ProcessApiClient;
import io.retailhub.experience.downstream.ProcessApiClient.Started;
import io.retailhub.experience.downstream.ProcessReturn;
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

/** My returns: start one, follow it, cancel it before the warehouse has it. */
@RestController
@RequestMapping(PortalApi.PATH + "/returns")
@Validated
class PortalReturnController {

	static final String CANCEL_REASON = "Canceled by the customer in the portal";

	private final ShopperOrders shopperOrders;

	private final ProcessApiClient process;

	PortalReturnController(ShopperOrders shopperOrders, ProcessApiClient process) {
		this.shopperOrders = shopperOrders;
		this.process = process;
	}

	/**
	 * Starts a return of one of my orders (channel PORTAL, customer from the token). 201 with
	 * Location; 200 with the same return when the key was used before; 404 for an order not mine.
	 */
	@PostMapping
	ResponseEntity<ShopperReturn> start(@AuthenticationPrincipal Jwt token,
			@RequestHeader(Headers.IDEMPOTENCY_KEY) @Size(max = 200) @Identifier String key,
			@Valid @RequestBody PortalReturnRequest body) {
		Shopper shopper = Shopper.of(token);
		OrderId orderId = OrderId.of(body.orderId());
		this.shopperOrders.order(shopper, orderId);
		Started started = this.process.start("portal-" + shopper.actingUser().header() + ":" + key,
				new NewReturn(orderId.value(), ReturnChannel.PORTAL.name(),
						body.lines().stream().map(l -> new NewReturn.Line(l.lineNumber(), l.quantity(), l.reason())).toList()),
				shopper.actingUser());
		ShopperReturn response = ShopperReturn.of(started.started());
		if (!started.created()) {
			return ResponseEntity.ok(response);
		}
		return ResponseEntity.created(URI.create(PortalApi.PATH + "/returns/" + response.id())).body(response);
	}

	@GetMapping
	List<ShopperReturn> myReturns(@AuthenticationPrincipal Jwt token) {
		return this.shopperOrders.returns(Shopper.of(token)).stream().map(ShopperReturn::of).toList();
	}

	@GetMapping("/{returnId}")
	ShopperReturn myReturn(@AuthenticationPrincipal Jwt token, @PathVariable UUID returnId) {
		return ShopperReturn.of(this.shopperOrders.returnOf(Shopper.of(token), returnId));
	}

	/**
	 * I handed my return's parcel to a carrier: the return is on its way back (and can no longer
	 * be canceled). Only the carrier and tracking code are taken; 409 before the return is approved
	 * or once the warehouse received it.
	 */
	@PostMapping("/{returnId}/parcel")
	ShopperReturn parcel(@AuthenticationPrincipal Jwt token, @PathVariable UUID returnId,
			@Valid @RequestBody PortalParcelRequest body) {
		Shopper shopper = Shopper.of(token);
		ProcessReturn mine = this.shopperOrders.returnOf(shopper, returnId);
		if (!"AUTHORIZED".equals(mine.status())) {
			throw ProblemException.conflict("A parcel can be added once the return is approved, until the warehouse"
					+ " receives it; this return is " + ShopperReturn.status(mine).toLowerCase(java.util.Locale.ROOT)
					+ ".");
		}
		return ShopperReturn.of(this.process.recordParcel(returnId, body.carrier().strip(), body.trackingCode().strip(),
				shopper.actingUser()));
	}

	/** Cancels my return while the warehouse has received nothing of it; 409 after. */
	@PostMapping("/{returnId}/cancellation")
	ShopperReturn cancel(@AuthenticationPrincipal Jwt token, @PathVariable UUID returnId) {
		Shopper shopper = Shopper.of(token);
		ProcessReturn mine = this.shopperOrders.returnOf(shopper, returnId);
		if (!mine.cancelable()) {
			throw ProblemException.conflict("This return can no longer be canceled.");
		}
		return ShopperReturn.of(this.process.cancel(returnId, CANCEL_REASON, shopper.actingUser()));
	}
}
