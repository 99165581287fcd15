package io.retailhub.process.workflows;

/**
 * The names of the return workflow: one workflow per return, its ID the return's ID, and the
 * steps it is made of. The refund's steps belong to the same workflow, so
 * {@code GET /api/process/v1/workflows/<return id>} shows the whole way from request to refund.
 * Step names are persisted in step rows: never rename one.
 */
public final class ReturnWorkflow {

	public static final String TYPE = "return";

	/** Judges eligibility: the policy, the order's delivered quantities and the hub's own open returns. */
	public static final String EVALUATE = "return.evaluate";

	/** Creates the customer return (RMA) in ERP, keyed by the return number. */
	public static final String CREATE_RMA = "return.create-rma";

	/** Opens (upserts) the CRM case {@code return-<return number>}, then authorizes the return. */
	public static final String OPEN_CASE = "return.open-case";

	/** The durable timer: due at the return's expiry, expires it if nothing arrived. */
	public static final String EXPIRE = "return.expire";

	/**
	 * Cancels the RMA in ERP (rejects its items) after the return was canceled or expired, so the
	 * warehouse can no longer receive against it. Follow-up work: the return is final already.
	 */
	public static final String CANCEL_RMA = "return.cancel-rma";

	/**
	 * An in-store return: books the parcel the customer handed over at the store's location in the
	 * warehouse system, whose webhook then brings the receipt in like any other.
	 */
	public static final String RECEIVE_AT_STORE = "return.receive-at-store";

	/** Decides dispositions and the refund amount once the warehouse received the parcel. */
	public static final String INSPECT = "return.inspect";

	/**
	 * Inspects a partly received return with what arrived, once the rest had time to come.
	 * Whichever of the two inspection steps runs first inspects; the other finds nothing to do.
	 */
	public static final String INSPECT_PARTIAL = "return.inspect-partial";

	/** Sends the refund to the payment provider with the refund's stored idempotency key. */
	public static final String SUBMIT_REFUND = "refund.submit";

	/** Posts the credit memo request in ERP, keyed {@code CM-<return number>}. */
	public static final String POST_CREDIT_MEMO = "refund.post-credit-memo";

	/** Tells the customer on the CRM case that the refund is pending while payment is down. */
	public static final String NOTE_REFUND_PENDING = "return.note-refund-pending";

	/** The CRM case notes, by name, the agent who canceled the return. */
	public static final String NOTE_CANCELED = "return.note-canceled";

	/** Comments on and closes the CRM case, then closes the return. */
	public static final String CLOSE_CASE = "return.close-case";

	private ReturnWorkflow() {
	}
}
