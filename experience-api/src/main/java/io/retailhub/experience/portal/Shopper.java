package io.retailhub.experience.portal;

import io.retailhub.contracts.Order;
import io.retailhub.experience.downstream.ProcessReturn;
import io.retailhub.experience.security.ActingUser;

import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Who is using the portal: a customer (their {@code customer_id} claim) or a guest (the one
 * order of a guest token). Everything the portal shows or changes is checked against it.
 */
record Shopper(String customerId, String guestOrderId, ActingUser actingUser) {

	static Shopper of(Jwt token) {
		ActingUser acting = ActingUser.shopper(token);
		if (ActingUser.CUSTOMER.equals(acting.role())) {
			return new Shopper(acting.subject(), null, acting);
		}
		return new Shopper(null, acting.subject(), acting);
	}

	boolean guest() {
		return this.guestOrderId != null;
	}

	boolean owns(Order order) {
		return guest() ? this.guestOrderId.equals(order.id().value())
				: this.customerId != null && this.customerId.equals(order.customerId().value());
	}

	boolean owns(ProcessReturn found) {
		return guest() ? this.guestOrderId.equals(found.orderId())
				: this.customerId != null && this.customerId.equals(found.customerId());
	}

	/** Whether the order is the shopper's, knowing only its customer (as the timeline read model records it). */
	boolean ownsOrderOf(String orderId, String orderCustomerId) {
		return guest() ? this.guestOrderId.equals(orderId)
				: this.customerId != null && this.customerId.equals(orderCustomerId);
	}

	/** A guest token opens only its order: any other ID is unknown to it. */
	boolean mayAsk(String orderId) {
		return !guest() || this.guestOrderId.equals(orderId);
	}
}
