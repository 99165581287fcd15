package io.retailhub.system.orders;

import java.util.List;

import io.retailhub.contracts.CustomerId;
import io.retailhub.contracts.Order;
import io.retailhub.contracts.OrderId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/system/v1/orders")
@Tag(name = "Orders", description = "Order lookup across ERP, warehouse and payment")
class OrderController {

	private final OrderManagement orders;

	OrderController(OrderManagement orders) {
		this.orders = orders;
	}

	@GetMapping("/{orderId}")
	@Operation(summary = "One order with its lines, shipments and payment status")
	Order order(@PathVariable OrderId orderId) {
		return orders.find(orderId);
	}

	@GetMapping
	@Operation(summary = "A customer's orders, newest first (header and lines only)")
	List<Order> ordersOfCustomer(@RequestParam CustomerId customerId,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit) {
		return orders.findOrdersOfCustomer(customerId, limit);
	}
}
