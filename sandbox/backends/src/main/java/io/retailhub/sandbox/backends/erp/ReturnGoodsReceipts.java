package io.retailhub.sandbox.backends.erp;

import java.util.Set;

import org.springframework.stereotype.Component;

/**
 * Where the simulated warehouse posts the goods receipt of a returns parcel in ERP. In S/4HANA
 * the receipt is posted on the return's inbound delivery and sets the items'
 * {@code ReturnsMaterialHasBeenReceived}; the sandbox does not model deliveries, so the WMS posts
 * in-process. The posting is refused when every item of the received order lines is rejected:
 * nothing may be received against a canceled return.
 */
@Component
public class ReturnGoodsReceipts {

	/** What a posting came to. */
	public enum Outcome {

		/** The items of the received order lines are marked received. */
		POSTED,
		/** Every item for the received order lines is rejected. */
		REJECTED,
		/** ERP has no such customer return. */
		UNKNOWN

	}

	private final CustomerReturns returns;

	ReturnGoodsReceipts(CustomerReturns returns) {
		this.returns = returns;
	}

	/** Posts the receipt of the given order lines of a customer return, atomically with the rejection check. */
	public Outcome post(String customerReturn, Set<String> orderLines) {
		return returns.postGoodsReceipt(customerReturn, orderLines);
	}
}
