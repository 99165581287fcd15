package io.retailhub.sandbox.backends.erp;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * ERP's admin API, for people and tests (problem+json errors, camelCase):
 * {@code POST /admin/erp/sales-orders
 * {"orderNumber":"WEB-900001","customerNumber":"17100001","channel":"WEB","lines":[{"sku":"TS-BLU-M","quantity":2,"discount":5.00}]}}
 * places a new sales order (channel defaults to WEB, discount to none) and answers it with its
 * document number and {@code LastChangeDateTime}, as the order feed will see it.
 */
@RestController
@RequestMapping("/admin/erp")
class ErpAdminController {

	private final SalesOrderPlacement placement;

	ErpAdminController(SalesOrderPlacement placement) {
		this.placement = placement;
	}

	@PostMapping("/sales-orders")
	ResponseEntity<PlacedOrder> place(@Valid @RequestBody PlaceOrderRequest request) {
		SalesOrder order = placement.place(request.orderNumber(), request.customerNumber(),
				request.channel() == null ? "WEB" : request.channel(),
				request.lines()
					.stream()
					.map(l -> new SalesOrderPlacement.Line(l.sku(), l.quantity(), l.discount()))
					.toList());
		return ResponseEntity
			.created(URI.create("/erp/sap/opu/odata/sap/" + ErpModel.SALES_ORDER_SRV + "/A_SalesOrder('"
					+ order.salesOrder() + "')"))
			.body(PlacedOrder.of(order));
	}

	record PlaceOrderRequest(@NotBlank @Size(max = 35) String orderNumber, @NotBlank String customerNumber,
			String channel, @NotEmpty List<@Valid @NotNull LineRequest> lines) {
	}

	record LineRequest(@NotBlank String sku, @Min(1) int quantity, @DecimalMin("0") BigDecimal discount) {
	}

	record PlacedOrder(String salesOrder, String orderNumber, String customerNumber, Instant lastChangeDateTime,
			BigDecimal totalNetAmount, String currency, List<PlacedItem> items) {

		static PlacedOrder of(SalesOrder order) {
			return new PlacedOrder(order.salesOrder(), order.purchaseOrderByCustomer(), order.soldToParty(),
					order.placedAt(), order.totalNetAmount(), order.currency(),
					order.items()
						.stream()
						.map(i -> new PlacedItem(i.item(), i.material(), i.quantity(), i.unitPrice(), i.netAmount()))
						.toList());
		}
	}

	record PlacedItem(String item, String material, int quantity, BigDecimal unitPrice, BigDecimal netAmount) {
	}
}
