package io.retailhub.process.reconciliation;

/**
 * What can disagree between the backends for one order. The values are the
 * {@code kind} tag of {@code retailhub_reconciliation_mismatches}: a short, fixed list.
 */
public enum MismatchKind {

	/** The payment provider refunded more than ERP credited (a refund with no credit memo). */
	REFUND_WITHOUT_CREDIT_MEMO,

	/** ERP credited more than the provider refunded or is refunding (a credit memo with no refund). */
	CREDIT_MEMO_WITHOUT_REFUND,

	/** The warehouse received an RMA's parcel longer ago than allowed, and no refund followed it. */
	RECEIPT_WITHOUT_REFUND,

	/** The provider refunded more than the value of what the warehouse received. */
	REFUNDED_MORE_THAN_RECEIVED,

	/** ERP's returns of an order line ask for more units than the warehouse shipped of it. */
	RETURNED_MORE_THAN_SHIPPED,

	/** A backend could not be read: the order's figures are incomplete and it was not judged. */
	FIGURES_UNAVAILABLE

}
