package io.retailhub.contracts.events;

import java.time.Instant;
import java.util.List;

import io.retailhub.contracts.ActingUser;
import io.retailhub.contracts.CaseId;
import io.retailhub.contracts.CaseStatus;
import io.retailhub.contracts.CreditMemoId;
import io.retailhub.contracts.CustomerId;
import io.retailhub.contracts.Money;
import io.retailhub.contracts.OrderId;
import io.retailhub.contracts.RefundId;
import io.retailhub.contracts.ReturnAuthorizationId;
import io.retailhub.contracts.ReturnDeclineReason;
import io.retailhub.contracts.ReturnReason;
import io.retailhub.contracts.SalesChannel;
import io.retailhub.contracts.Sku;

/**
 * Sample payloads of every event type, telling one story: order WEB-100042 (two shirts at 29.99
 * and a mug at 12.50, a 5.00 promotion on the shirts) is confirmed; the customer returns one
 * shirt that is too small; it is authorized, received, restocked and refunded (29.99 - 2.50
 * promotion share - 2.50 return shipping = 24.99 USD); the case is opened, updated and closed.
 * The other samples are the paths not taken (declined, expired, canceled, queued, failed).
 * Shared through the test-jar so producers' tests can start from the same facts.
 */
public final class EventFixtures {

	public static final OrderId ORDER = OrderId.of("WEB-100042");

	public static final CustomerId CUSTOMER = CustomerId.of("100017");

	public static final ReturnId RETURN = ReturnId.of("3f2b8c6e-7d1a-4e5b-9c0d-2a4f6e8b1c3d");

	public static final HubRefundId REFUND = HubRefundId.of("8a7c5e3b-1d9f-4b2a-8e6c-0f4d2b9a7c5e");

	public static final ReturnAuthorizationId RMA = ReturnAuthorizationId.of("60000123");

	public static final CaseId CASE = CaseId.of("500Hn00001XyZaBIAV");

	public static final Sku SHIRT = Sku.of("TS-BLU-M");

	public static final Sku MUG = Sku.of("MUG-001");

	public static final Instant PLACED = Instant.parse("2026-03-02T10:15:30Z");

	public static final Instant REQUESTED = Instant.parse("2026-03-14T09:26:53.589Z");

	private EventFixtures() {
	}

	public static Money usd(String amount) {
		return Money.of(amount, "USD");
	}

	public static ReturnItem oneShirtTooSmall() {
		return new ReturnItem("10", SHIRT, 1, ReturnReason.SIZE_TOO_SMALL);
	}

	public static OrderConfirmed orderOfTwoShirtsAndAMug() {
		return new OrderConfirmed(ORDER, CUSTOMER, SalesChannel.WEB, PLACED, usd("67.48"),
				List.of(new OrderConfirmed.Line("10", SHIRT, 2, usd("29.99"), usd("54.98")),
						new OrderConfirmed.Line("20", MUG, 1, usd("12.50"), usd("12.50"))),
				PLACED.plusSeconds(4));
	}

	public static ReturnRequested returnOfOneShirtRequestedOnThePortal() {
		return new ReturnRequested(RETURN, ORDER, CUSTOMER, ReturnChannel.PORTAL, List.of(oneShirtTooSmall()),
				REQUESTED);
	}

	public static ReturnRequested returnOfOneShirtRequestedByAnAgent() {
		return new ReturnRequested(RETURN, ORDER, CUSTOMER, ReturnChannel.AGENT, List.of(oneShirtTooSmall()),
				REQUESTED, ActingUser.of("agent:agent.ava"));
	}

	public static ReturnAuthorized returnOfOneShirtAuthorized() {
		return new ReturnAuthorized(RETURN, ORDER, CUSTOMER, RMA, CASE, List.of(oneShirtTooSmall()), usd("24.99"),
				Instant.parse("2026-04-13T09:27:00Z"), Instant.parse("2026-03-14T09:27:00Z"));
	}

	public static ReturnDeclined returnOfAFinalSaleMugDeclined() {
		return new ReturnDeclined(RETURN, ORDER, CUSTOMER,
				List.of(ReturnDeclined.Reason.of("20", ReturnDeclineReason.FINAL_SALE)),
				Instant.parse("2026-03-14T09:27:00Z"));
	}

	public static ReturnReceived parcelWithTheShirtReceived() {
		return new ReturnReceived(RMA, ORDER, "RCPT-0000815", "DC-EAST",
				List.of(new ReturnReceived.Line("10", SHIRT, 1, 1, 0, 0)), Instant.parse("2026-03-18T14:02:11Z"),
				Instant.parse("2026-03-18T14:02:12.204Z"));
	}

	public static ReturnInspected shirtRestockedAndRefundable() {
		return new ReturnInspected(RETURN, ORDER, RMA,
				List.of(new ReturnInspected.Line("10", SHIRT, Disposition.RESTOCK, 1, 1, usd("27.49"))), usd("2.50"),
				usd("24.99"), Instant.parse("2026-03-18T14:02:13Z"));
	}

	public static ReturnExpired returnNeverShippedExpired() {
		return new ReturnExpired(RETURN, ORDER, RMA, Instant.parse("2026-04-13T09:27:00Z"),
				Instant.parse("2026-04-13T09:27:01Z"));
	}

	public static ReturnShipped parcelWithTheShirtShipped() {
		return new ReturnShipped(RETURN, ORDER, CUSTOMER, RMA, "USPS", "9400111899223100000001",
				Instant.parse("2026-03-15T16:40:00Z"), ActingUser.of("customer:100017"));
	}

	public static ReturnCanceled returnCanceledByAnAgent() {
		return new ReturnCanceled(RETURN, ORDER, RMA, ReturnChannel.AGENT, "customer decided to keep the shirt",
				Instant.parse("2026-03-15T11:00:00Z"), ActingUser.of("agent:agent.ava"));
	}

	public static ReturnClosed returnClosedAfterRefund() {
		return new ReturnClosed(RETURN, ORDER, RMA, REFUND, usd("24.99"), Instant.parse("2026-03-18T14:02:20Z"));
	}

	public static RefundRequested refundOfTheShirtRequested() {
		return new RefundRequested(REFUND, RETURN, ORDER, usd("24.99"), Instant.parse("2026-03-18T14:02:14Z"));
	}

	public static RefundQueued refundQueuedWhilePaymentIsDown() {
		return new RefundQueued(REFUND, RETURN, ORDER, usd("24.99"), "payment provider unavailable (HTTP 503)", 2,
				Instant.parse("2026-03-18T14:04:15Z"), Instant.parse("2026-03-18T14:02:15Z"));
	}

	public static RefundPosted refundOfTheShirtPosted() {
		return new RefundPosted(REFUND, RETURN, ORDER, usd("24.99"), RefundId.of("re_3OqZ9k2eZvKYlo2C1a2b3c4d"),
				CreditMemoId.of("90000123"), Instant.parse("2026-03-18T14:02:19Z"));
	}

	public static RefundFailed refundFailedAfterRetriesRanOut() {
		return new RefundFailed(REFUND, RETURN, ORDER, usd("24.99"), null,
				"retries exhausted: payment provider unavailable", 8, Instant.parse("2026-03-19T14:02:15Z"));
	}

	public static CaseOpened caseOpenedForTheReturn() {
		return new CaseOpened(CASE, "return-" + RETURN, "00001042", ORDER, CUSTOMER, RETURN,
				"Return of order WEB-100042", Instant.parse("2026-03-14T09:27:00Z"));
	}

	public static CaseUpdated caseNotedRefundPending() {
		return new CaseUpdated(CASE, "return-" + RETURN, ORDER, CaseStatus.WORKING,
				"Refund pending: the payment provider is unavailable, it will be retried.", false,
				Instant.parse("2026-03-18T14:02:16Z"));
	}

	public static CaseClosed caseClosedAfterRefund() {
		return new CaseClosed(CASE, "return-" + RETURN, ORDER, "Refunded 24.99 USD, credit memo 90000123",
				Instant.parse("2026-03-18T14:02:21Z"));
	}

	/** A valid sample payload of any event type. */
	public static DomainEvent sampleOf(EventType type) {
		return switch (type) {
			case ORDER_CONFIRMED -> orderOfTwoShirtsAndAMug();
			case RETURN_REQUESTED -> returnOfOneShirtRequestedOnThePortal();
			case RETURN_AUTHORIZED -> returnOfOneShirtAuthorized();
			case RETURN_DECLINED -> returnOfAFinalSaleMugDeclined();
			case RETURN_SHIPPED -> parcelWithTheShirtShipped();
			case RETURN_RECEIVED -> parcelWithTheShirtReceived();
			case RETURN_INSPECTED -> shirtRestockedAndRefundable();
			case RETURN_EXPIRED -> returnNeverShippedExpired();
			case RETURN_CANCELED -> returnCanceledByAnAgent();
			case RETURN_CLOSED -> returnClosedAfterRefund();
			case REFUND_REQUESTED -> refundOfTheShirtRequested();
			case REFUND_QUEUED -> refundQueuedWhilePaymentIsDown();
			case REFUND_POSTED -> refundOfTheShirtPosted();
			case REFUND_FAILED -> refundFailedAfterRetriesRanOut();
			case CASE_OPENED -> caseOpenedForTheReturn();
			case CASE_UPDATED -> caseNotedRefundPending();
			case CASE_CLOSED -> caseClosedAfterRefund();
		};
	}
}
