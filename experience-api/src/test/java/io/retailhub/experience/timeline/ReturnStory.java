package io.retailhub.experience.timeline;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.retailhub.contracts.ActingUser;
import io.retailhub.contracts.CaseId;
import io.retailhub.contracts.CaseStatus;
import io.retailhub.contracts.CreditMemoId;
import io.retailhub.contracts.CustomerId;
import io.retailhub.contracts.Money;
import io.retailhub.contracts.OrderId;
import io.retailhub.contracts.RefundId;
import io.retailhub.contracts.ReturnAuthorizationId;
import io.retailhub.contracts.ReturnReason;
import io.retailhub.contracts.SalesChannel;
import io.retailhub.contracts.Sku;
import io.retailhub.contracts.events.CaseClosed;
import io.retailhub.contracts.events.CaseOpened;
import io.retailhub.contracts.events.CaseUpdated;
import io.retailhub.contracts.events.Disposition;
import io.retailhub.contracts.events.HubRefundId;
import io.retailhub.contracts.events.OrderConfirmed;
import io.retailhub.contracts.events.RefundPosted;
import io.retailhub.contracts.events.RefundRequested;
import io.retailhub.contracts.events.ReturnAuthorized;
import io.retailhub.contracts.events.ReturnChannel;
import io.retailhub.contracts.events.ReturnClosed;
import io.retailhub.contracts.events.ReturnId;
import io.retailhub.contracts.events.ReturnInspected;
import io.retailhub.contracts.events.ReturnItem;
import io.retailhub.contracts.events.ReturnReceived;
import io.retailhub.contracts.events.ReturnRequested;
import io.retailhub.contracts.events.ReturnShipped;

/**
 * One return of one shirt told as events, on an order and customer of its own (so tests sharing
 * the database never see each other's entries): the order is placed, the return requested,
 * authorized, received, inspected and refunded, its case opened, noted and closed.
 */
final class ReturnStory {

	static final Instant PLACED = Instant.parse("2026-03-02T10:15:30Z");

	final OrderId order;

	final CustomerId customer;

	final ReturnId returnId = ReturnId.of(UUID.randomUUID());

	final HubRefundId refund = HubRefundId.of(UUID.randomUUID());

	final ReturnAuthorizationId rma;

	final CaseId caseId;

	private static final Sku SHIRT = Sku.of("TS-BLU-M");

	private ReturnStory(String suffix, String customerId) {
		this(OrderId.of("TL-" + suffix), suffix, customerId);
	}

	private ReturnStory(OrderId order, String suffix, String customerId) {
		this.order = order;
		this.customer = CustomerId.of(customerId != null ? customerId : "C" + suffix);
		this.rma = ReturnAuthorizationId.of("R" + suffix);
		this.caseId = CaseId.of("500" + suffix);
	}

	/** A story on an order number no other test uses. */
	static ReturnStory fresh() {
		return new ReturnStory(suffix(), null);
	}

	/** A story on an order of its own of a demo customer ({@code 17100001}), who can sign in. */
	static ReturnStory ofCustomer(String customerId) {
		return new ReturnStory(suffix(), customerId);
	}

	/** A story on an order that exists elsewhere (in the sandbox ERP), of its customer. */
	static ReturnStory onOrder(OrderId order, String customerId) {
		return new ReturnStory(order, suffix(), customerId);
	}

	private static String suffix() {
		return UUID.randomUUID().toString().substring(0, 12).toUpperCase();
	}

	static Money usd(String amount) {
		return Money.of(amount, "USD");
	}

	private static ReturnItem oneShirtTooSmall() {
		return new ReturnItem("10", SHIRT, 1, ReturnReason.SIZE_TOO_SMALL);
	}

	OrderConfirmed placed() {
		return new OrderConfirmed(this.order, this.customer, SalesChannel.WEB, PLACED, usd("54.98"),
				List.of(new OrderConfirmed.Line("10", SHIRT, 2, usd("29.99"), usd("54.98"))), PLACED.plusSeconds(4));
	}

	ReturnRequested requested(ReturnChannel channel) {
		return new ReturnRequested(this.returnId, this.order, this.customer, channel, List.of(oneShirtTooSmall()),
				Instant.parse("2026-03-14T09:26:53Z"));
	}

	ReturnAuthorized authorized() {
		return new ReturnAuthorized(this.returnId, this.order, this.customer, this.rma, this.caseId,
				List.of(oneShirtTooSmall()), usd("24.99"), Instant.parse("2026-04-13T09:27:00Z"),
				Instant.parse("2026-03-14T09:27:00Z"));
	}

	CaseOpened caseOpened() {
		return new CaseOpened(this.caseId, "return-" + this.returnId, "00001042", this.order, this.customer,
				this.returnId, "Return of order " + this.order, Instant.parse("2026-03-14T09:27:01Z"));
	}

	ReturnShipped shipped() {
		return new ReturnShipped(this.returnId, this.order, this.customer, this.rma, "USPS", "9400111899223100000001",
				Instant.parse("2026-03-15T16:40:00Z"), ActingUser.of("customer:" + this.customer));
	}

	ReturnReceived received() {
		return new ReturnReceived(this.rma, this.order, "RCPT-" + this.rma, "DC-EAST",
				List.of(new ReturnReceived.Line("10", SHIRT, 1, 1, 0, 0)), Instant.parse("2026-03-18T14:02:11Z"),
				Instant.parse("2026-03-18T14:02:12Z"));
	}

	ReturnInspected inspected() {
		return new ReturnInspected(this.returnId, this.order, this.rma,
				List.of(new ReturnInspected.Line("10", SHIRT, Disposition.RESTOCK, 1, 1, usd("27.49"))), usd("2.50"),
				usd("24.99"), Instant.parse("2026-03-18T14:02:13Z"));
	}

	RefundRequested refundRequested() {
		return new RefundRequested(this.refund, this.returnId, this.order, usd("24.99"),
				Instant.parse("2026-03-18T14:02:14Z"));
	}

	CaseUpdated caseNoted() {
		return new CaseUpdated(this.caseId, "return-" + this.returnId, this.order, CaseStatus.WORKING,
				"Refund pending: the payment provider is unavailable, it will be retried.", false,
				Instant.parse("2026-03-18T14:02:16Z"));
	}

	RefundPosted refundPosted() {
		return new RefundPosted(this.refund, this.returnId, this.order, usd("24.99"), RefundId.of("re_" + this.rma),
				CreditMemoId.of("9" + this.rma), Instant.parse("2026-03-18T14:02:19Z"));
	}

	ReturnClosed closed() {
		return new ReturnClosed(this.returnId, this.order, this.rma, this.refund, usd("24.99"),
				Instant.parse("2026-03-18T14:02:20Z"));
	}

	CaseClosed caseClosed() {
		return new CaseClosed(this.caseId, "return-" + this.returnId, this.order,
				"Refunded 24.99 USD, credit memo 9" + this.rma, Instant.parse("2026-03-18T14:02:21Z"));
	}

}
