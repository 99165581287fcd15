package io.retailhub.process.returns;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Optional;
import java.util.UUID;

import io.retailhub.contracts.Money;
import io.retailhub.contracts.ReturnDeclineReason;
import io.retailhub.contracts.ReturnReason;
import io.retailhub.contracts.Sku;
import io.retailhub.contracts.events.Disposition;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One order line of a return: what was asked, what the policy said, what arrived and what it refunds. */
@Entity
@Table(name = "return_line")
class ReturnLine {

	@Id
	private UUID id;

	private int position;

	private String lineNumber;

	private String sku;

	private int quantity;

	@Enumerated(EnumType.STRING)
	private ReturnReason reason;

	private Boolean eligible;

	@Enumerated(EnumType.STRING)
	private ReturnDeclineReason declineReason;

	private String declineMessage;

	private BigDecimal refundableAmount;

	private BigDecimal restockingFee;

	private BigDecimal promotionShare;

	private Integer quantityExpected;

	private int quantityReceived;

	private int quantityDamaged;

	private int quantityRejected;

	@Enumerated(EnumType.STRING)
	private Disposition disposition;

	private Integer acceptedQuantity;

	@Column(name = "refund_amount")
	private BigDecimal refundAmount;

	@Enumerated(EnumType.STRING)
	private ItemCondition itemCondition;

	@Enumerated(EnumType.STRING)
	private Disposition staffDisposition;

	protected ReturnLine() {
	}

	ReturnLine(int position, RequestedLine requested) {
		this.id = UUID.randomUUID();
		this.position = position;
		this.lineNumber = requested.lineNumber();
		this.quantity = requested.quantity();
		this.reason = requested.reason();
		if (requested.atStore() != null) {
			this.itemCondition = requested.atStore().condition();
			this.staffDisposition = requested.atStore().disposition();
		}
	}

	void identify(Sku sku) {
		this.sku = sku.value();
	}

	void judge(LineVerdict verdict) {
		if (verdict.sku() != null) {
			this.sku = verdict.sku().value();
		}
		this.eligible = verdict.eligible();
		this.declineReason = verdict.declineReason();
		this.declineMessage = verdict.message();
		this.refundableAmount = amount(verdict.refundableAmount());
		this.restockingFee = amount(verdict.restockingFee());
		this.promotionShare = amount(verdict.promotionShare());
	}

	/** The warehouse's latest count for this line; receipts are cumulative, so it replaces the last one. */
	void receive(int expected, int received, int damaged, int rejected) {
		if (received < 0 || damaged < 0 || rejected < 0 || damaged + rejected > received) {
			throw new IllegalArgumentException("damaged plus rejected units must be among the received ones");
		}
		this.quantityExpected = expected;
		this.quantityReceived = received;
		this.quantityDamaged = damaged;
		this.quantityRejected = rejected;
	}

	/** Received minus rejected, never more than was requested: the units that count toward the refund. */
	int accepted() {
		return Math.max(0, Math.min(quantityReceived - quantityRejected, quantity));
	}

	void inspect(Money refund) {
		this.acceptedQuantity = accepted();
		this.refundAmount = refund.amount();
		if (quantityReceived == 0) {
			this.disposition = null;
		}
		else if (staffDisposition != null) {
			// taken at a store: the staff decided, and the receipt's counts were booked from their decision
			this.disposition = staffDisposition;
		}
		else if (quantityRejected == quantityReceived) {
			this.disposition = Disposition.REFUSE;
		}
		else if (quantityDamaged > 0) {
			this.disposition = Disposition.DAMAGED;
		}
		else {
			this.disposition = Disposition.RESTOCK;
		}
	}

	boolean fullyReceived() {
		return quantityReceived >= quantity;
	}

	private static BigDecimal amount(Money money) {
		return money == null ? null : money.amount();
	}

	private static Money money(BigDecimal amount, Currency currency) {
		return amount == null || currency == null ? null : new Money(amount, currency);
	}

	String lineNumber() {
		return lineNumber;
	}

	Sku sku() {
		return sku == null ? null : Sku.of(sku);
	}

	int quantity() {
		return quantity;
	}

	ReturnReason reason() {
		return reason;
	}

	Boolean eligible() {
		return eligible;
	}

	ReturnDeclineReason declineReason() {
		return declineReason;
	}

	String declineMessage() {
		return declineMessage;
	}

	Money refundableAmount(Currency currency) {
		return money(refundableAmount, currency);
	}

	Money restockingFee(Currency currency) {
		return money(restockingFee, currency);
	}

	Money promotionShare(Currency currency) {
		return money(promotionShare, currency);
	}

	Integer quantityExpected() {
		return quantityExpected;
	}

	int quantityReceived() {
		return quantityReceived;
	}

	int quantityDamaged() {
		return quantityDamaged;
	}

	int quantityRejected() {
		return quantityRejected;
	}

	Disposition disposition() {
		return disposition;
	}

	Integer acceptedQuantity() {
		return acceptedQuantity;
	}

	Money refundAmount(Currency currency) {
		return money(refundAmount, currency);
	}

	/** What store staff recorded at the counter; empty for a return that did not come in at a store. */
	Optional<StoreInspection> atStore() {
		return staffDisposition == null ? Optional.empty()
				: Optional.of(new StoreInspection(itemCondition, staffDisposition));
	}
}
