package io.retailhub.contracts;

/** Why a line cannot be returned; {@link #customerMessage()} can be shown to a shopper as is. */
public enum ReturnDeclineReason {
	FINAL_SALE("This item was sold as final sale and cannot be returned."),
	RETURN_PERIOD_ENDED("The return window for this item has ended."),
	NOT_DELIVERED("This item has not been delivered yet, so it cannot be returned."),
	QUANTITY_EXCEEDED("You are returning more of this item than can still be returned."),
	UNKNOWN_LINE("This item is not part of the order.");

	private final String customerMessage;

	ReturnDeclineReason(String customerMessage) {
		this.customerMessage = customerMessage;
	}

	public String customerMessage() {
		return customerMessage;
	}
}
