package io.retailhub.sandbox.backends.erp;

import java.math.BigDecimal;

/** One credited quantity of a sales order item and the amount credited for it. */
record CreditMemoRequestItem(String item, SalesOrderItem reference, int quantity, BigDecimal netAmount) {
}
