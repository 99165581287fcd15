package io.retailhub.system.creditmemos;

import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.retailhub.contracts.CreditMemo;
import io.retailhub.contracts.Money;
import io.retailhub.contracts.Order;
import io.retailhub.contracts.OrderLine;
import io.retailhub.contracts.commands.CreateCreditMemo;
import io.retailhub.contracts.commands.CreditMemoLineRequest;
import io.retailhub.contracts.problems.FieldError;
import io.retailhub.contracts.problems.ProblemProperties;
import io.retailhub.contracts.problems.ProblemType;
import io.retailhub.system.backend.CreateOutcome;
import io.retailhub.system.backend.ResourceNotFoundException;
import io.retailhub.system.erp.SapErpAdapter;
import io.retailhub.web.ProblemException;

import org.springframework.stereotype.Service;

/**
 * A credit memo is checked against its order before ERP is asked for it: every line amount
 * positive and in the order's currency, every line one the order has, in at most its ordered
 * quantity, and the total at most what may still be credited (the order's total minus the credit
 * memo requests ERP already holds for the order, the ones from before the hub included). Only
 * reads happen before the check; a credit memo that fails it writes nothing.
 *
 * <p>A repeat (a credit memo request of the order already carries the external reference) is
 * not checked again: ERP answers it with the first document. Checks and creation of one order
 * take turns within this instance, so two different credit memos cannot both pass a check that
 * only one of them fits; several system API instances would each take their own turns.
 */
@Service
class CreditMemoManagement {

	private static final int STRIPES = 64;

	private final Object[] orderLocks = new Object[STRIPES];

	private final SapErpAdapter erp;

	CreditMemoManagement(SapErpAdapter erp) {
		this.erp = erp;
		for (int i = 0; i < STRIPES; i++) {
			this.orderLocks[i] = new Object();
		}
	}

	CreateOutcome<CreditMemo> createOrFind(CreateCreditMemo command) {
		List<FieldError> invalid = new ArrayList<>();
		for (int i = 0; i < command.lines().size(); i++) {
			if (!command.lines().get(i).amount().isPositive()) {
				invalid.add(new FieldError("lines[" + i + "].amount.amount", "must be positive"));
			}
		}
		if (!invalid.isEmpty()) {
			throw problem(ProblemType.INVALID_REQUEST, "Credit memo amounts must be positive.", invalid);
		}
		synchronized (this.orderLocks[Math.floorMod(command.orderId().hashCode(), STRIPES)]) {
			Order order = erp.findOrder(command.orderId())
				.orElseThrow(() -> new ResourceNotFoundException("order", command.orderId().value()));
			List<CreditMemo> credited = erp.findCreditMemosOfOrder(command.orderId());
			boolean repeat = credited.stream()
				.anyMatch(memo -> command.externalReference().equals(memo.externalReference()));
			if (!repeat) {
				requireFits(command, order, credited);
			}
			return erp.createOrFindCreditMemo(command);
		}
	}

	private static void requireFits(CreateCreditMemo command, Order order, List<CreditMemo> credited) {
		Currency currency = order.total().currency();
		List<FieldError> errors = new ArrayList<>();
		Money requested = Money.zero(currency);
		for (int i = 0; i < command.lines().size(); i++) {
			CreditMemoLineRequest line = command.lines().get(i);
			String at = "lines[" + i + "]";
			Optional<OrderLine> ordered = order.lines()
				.stream()
				.filter(l -> l.lineNumber().equals(line.lineNumber()))
				.findFirst();
			if (ordered.isEmpty()) {
				errors.add(new FieldError(at + ".lineNumber", "order " + order.id() + " has no line " + line.lineNumber()));
			}
			else if (line.quantity() > ordered.get().quantity()) {
				errors.add(new FieldError(at + ".quantity",
						"must be at most " + ordered.get().quantity() + ", the quantity ordered"));
			}
			if (!line.amount().currency().equals(currency)) {
				errors.add(new FieldError(at + ".amount.currency",
						"must be " + currency.getCurrencyCode() + ", the order's currency"));
			}
			else {
				requested = requested.plus(line.amount());
			}
		}
		Money alreadyCredited = credited.stream()
			.map(CreditMemo::total)
			.filter(total -> total != null && total.currency().equals(currency))
			.reduce(Money.zero(currency), Money::plus);
		Money creditable = order.total().minus(alreadyCredited);
		if (errors.isEmpty() && requested.compareTo(creditable) > 0) {
			errors.add(new FieldError("lines", "credit " + requested + " in all, more than the " + creditable
					+ " that may still be credited"));
		}
		if (!errors.isEmpty()) {
			throw problem(ProblemType.NOT_ALLOWED_FOR_ORDER, "Order " + order.id() + " totals " + order.total() + ", of which "
					+ alreadyCredited + " is credited already.", errors);
		}
	}

	private static ProblemException problem(ProblemType type, String detail, List<FieldError> errors) {
		return new ProblemException(type, detail, Map.of(ProblemProperties.ERRORS, errors));
	}
}
