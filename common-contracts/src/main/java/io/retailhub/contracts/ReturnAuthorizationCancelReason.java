package io.retailhub.contracts;

/** Why the hub cancels a return authorization (an RMA) in ERP. */
public enum ReturnAuthorizationCancelReason {

	/** The customer (or a person for them) canceled the return before sending anything. */
	CANCELED_BY_CUSTOMER,

	/** Nothing arrived before the return expired. */
	EXPIRED

}
