package io.retailhub.experience.portal;

import io.retailhub.contracts.OrderId;
import io.retailhub.contracts.Refund;
import io.retailhub.contracts.RefundId;
import io.retailhub.experience.downstream.DownstreamException;
import io.retailhub.experience.downstream.SystemApiClient;
import io.retailhub.experience.orders.Ids;
import io.retailhub.web.ProblemException;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A refund of one of my orders; any other answers 404 like an unknown one. */
@RestController
@RequestMapping(PortalApi.PATH + "/refunds")
class PortalRefundController {

	private final SystemApiClient system;

	private final ShopperOrders shopperOrders;

	PortalRefundController(SystemApiClient system, ShopperOrders shopperOrders) {
		this.system = system;
		this.shopperOrders = shopperOrders;
	}

	@GetMapping("/{refundId}")
	Refund myRefund(@AuthenticationPrincipal Jwt token, @PathVariable String refundId) {
		Shopper shopper = Shopper.of(token);
		RefundId id = Ids.parse(refundId, "refundId", RefundId::of);
		Refund refund;
		try {
			refund = this.system.refund(id);
		}
		catch (DownstreamException ex) {
			if (ex.notFound()) {
				throw ShopperOrders.noRefund(id.value());
			}
			throw ex;
		}
		OrderId orderId = refund.orderId();
		try {
			this.shopperOrders.order(shopper, orderId);
		}
		catch (ProblemException notMine) {
			if (notMine.type().status() == 404) {
				throw ShopperOrders.noRefund(id.value());
			}
			throw notMine;
		}
		return refund;
	}
}
