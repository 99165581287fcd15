package io.retailhub.system.orders;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.retailhub.contracts.CustomerId;
import io.retailhub.contracts.Order;
import io.retailhub.contracts.OrderId;
import io.retailhub.contracts.Payment;
import io.retailhub.contracts.Shipment;
import io.retailhub.contracts.problems.FieldError;
import io.retailhub.contracts.problems.ProblemProperties;
import io.retailhub.contracts.problems.ProblemType;
import io.retailhub.system.backend.ResourceNotFoundException;
import io.retailhub.web.ProblemException;
import io.swagger.v3.oas.annotations.Parameter;
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
	@Operation(summary = "One order with its lines and, unless include says otherwise, its shipments and payment status")
	Order order(@PathVariable OrderId orderId,
			@Parameter(description = "parts beside header and lines: shipments, payment (both by default); "
					+ "lines alone needs neither the warehouse nor the payment provider")
			@RequestParam(defaultValue = "shipments,payment") List<String> include) {
		return orders.find(orderId, parts(include));
	}

	@GetMapping("/{orderId}/shipments")
	@Operation(summary = "The order's parcels, from the warehouse alone",
			description = "Answers while ERP is down. An order the warehouse does not know has no parcels (an empty list), "
					+ "whether or not ERP knows it.")
	List<Shipment> shipments(@PathVariable OrderId orderId) {
		return orders.findShipments(orderId);
	}

	@GetMapping("/{orderId}/payment")
	@Operation(summary = "The order's payment, from the payment provider alone",
			description = "Answers while ERP is down; 404 when the provider holds no payment for the order.")
	Payment payment(@PathVariable OrderId orderId) {
		return orders.findPayment(orderId).orElseThrow(() -> new ResourceNotFoundException("payment", orderId.value()));
	}

	private static Set<OrderManagement.Part> parts(List<String> include) {
		Set<OrderManagement.Part> parts = EnumSet.noneOf(OrderManagement.Part.class);
		for (String part : include) {
			switch (part.strip().toLowerCase(Locale.ROOT)) {
				case "shipments" -> parts.add(OrderManagement.Part.SHIPMENTS);
				case "payment" -> parts.add(OrderManagement.Part.PAYMENT);
				case "lines", "" -> {
				}
				default -> throw new ProblemException(ProblemType.INVALID_REQUEST,
						"include takes lines, shipments and payment.",
						Map.of(ProblemProperties.ERRORS, List.of(new FieldError("include", "unknown part '" + part + "'"))));
			}
		}
		return parts;
	}

	@GetMapping
	@Operation(summary = "A customer's orders, newest first (header and lines only)")
	List<Order> ordersOfCustomer(@RequestParam CustomerId customerId,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit) {
		return orders.findOrdersOfCustomer(customerId, limit);
	}
}
