package io.retailhub.experience.store;

import io.retailhub.contracts.OrderId;
import io.retailhub.experience.downstream.ProcessApiClient;
import io.retailhub.experience.orders.Ids;
import io.retailhub.experience.orders.ReturnEligibility;
import jakarta.validation.constraints.Size;

import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Store staff look up an online order by its number, with the customer verified ({@link StoreOrders}). */
@RestController
@RequestMapping(StoreApi.PATH + "/orders")
@Validated
class StoreOrderController {

	private final StoreOrders orders;

	private final ProcessApiClient process;

	private final ReturnEligibility eligibility;

	StoreOrderController(StoreOrders orders, ProcessApiClient process, ReturnEligibility eligibility) {
		this.orders = orders;
		this.process = process;
		this.eligibility = eligibility;
	}

	@GetMapping("/{orderNumber}")
	StoreOrder lookUp(@PathVariable String orderNumber,
			@RequestParam(required = false) @Size(min = 3, max = 254) String email,
			@RequestParam(required = false) @Size(min = 1, max = 80) String lastName) {
		OrderId id = Ids.parse(orderNumber, "orderNumber", OrderId::of);
		StoreOrders.Verified verified = this.orders.verified(id, email, lastName);
		return new StoreOrder(verified.order(),
				verified.customer().firstName() + " " + verified.customer().lastName(),
				this.eligibility.of(verified.order(), this.process.returnsOfOrder(id)));
	}
}
