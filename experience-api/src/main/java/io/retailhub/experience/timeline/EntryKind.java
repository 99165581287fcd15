package io.retailhub.experience.timeline;

/**
 * What a timeline entry tells. {@link #shopperVisible()} says whether the portal shows it to the
 * customer; the agent desktop shows every kind.
 */
public enum EntryKind {

	ORDER_PLACED(true), ORDER_SHIPPED(true), ORDER_DELIVERED(true),

	RETURN_REQUESTED(true), RETURN_AUTHORIZED(true), RETURN_DECLINED(true), RETURN_SHIPPED(true), RETURN_RECEIVED(true),
	RETURN_INSPECTED(true), RETURN_EXPIRED(true), RETURN_CANCELED(true), RETURN_CLOSED(true),

	REFUND_REQUESTED(false), REFUND_QUEUED(false), REFUND_POSTED(true), REFUND_FAILED(false),

	CASE_OPENED(false),
	/** A comment on the case; shown to the customer only when it was published to them. */
	CASE_COMMENTED(false), CASE_UPDATED(false), CASE_CLOSED(false);

	private final boolean shopperVisible;

	EntryKind(boolean shopperVisible) {
		this.shopperVisible = shopperVisible;
	}

	/** Whether entries of this kind are shown to the customer (a published case comment is, too). */
	public boolean shopperVisible() {
		return this.shopperVisible;
	}

}
