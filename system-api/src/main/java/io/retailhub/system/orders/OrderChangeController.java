package io.retailhub.system.orders;

import java.time.Instant;
import java.util.List;

import io.retailhub.contracts.OrderChange;
import io.retailhub.contracts.OrderId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The orders ERP changed since an instant, in a stable order, for pollers such as process-api's
 * order feed. A separate resource from {@code /orders}: its entries carry the time of the change
 * beside the order, and it is walked by keyset, not searched.
 */
@RestController
@RequestMapping("/api/system/v1/order-changes")
@Tag(name = "Orders", description = "Order lookup across ERP, warehouse and payment")
class OrderChangeController {

	private final OrderManagement orders;

	OrderChangeController(OrderManagement orders) {
		this.orders = orders;
	}

	@GetMapping
	@Operation(summary = "Orders (header and lines) whose last ERP change is at or after changedSince, "
			+ "ordered by (lastChangedAt, order ID)")
	List<OrderChange> changes(
			@Parameter(description = "ISO-8601 instant, e.g. 2026-03-14T09:00:00Z") @RequestParam Instant changedSince,
			@Parameter(description = "continue behind this order among those changed exactly at changedSince "
					+ "(pass the last entry's order ID with its lastChangedAt)") @RequestParam(
							required = false) OrderId afterOrderId,
			@RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit) {
		return orders.findOrderChanges(changedSince, afterOrderId, limit);
	}
}
