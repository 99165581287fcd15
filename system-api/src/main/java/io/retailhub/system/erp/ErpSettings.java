package io.retailhub.system.erp;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

import io.retailhub.contracts.ReturnReason;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where SAP S/4HANA Cloud is and how the hub logs on (a communication user, HTTP Basic), plus the
 * tenant's customizing the adapter depends on: the plants whose availability adds up to a SKU's
 * ATP, the ATP checking rule, the pricing condition holding the list price, the document types
 * and the order reason for credit memo requests. {@code baseUrl} is the API host, for example
 * {@code https://my-tenant-api.s4hana.cloud.sap}, without {@code /sap/opu/odata}.
 * {@code orderNumberCacheSize} bounds how many (hub order number, sales order number) pairs the
 * adapter remembers to skip lookups that only translate one into the other ({@link OrderNumbers}),
 * and as many invoice items ({@link BilledItems}); 0 remembers none.
 *
 * <p>{@code returnReference} says what the customer returns and credit memo requests the hub
 * creates reference: the sales order, or the invoice that billed each returned item (what the
 * tenant's copy control allows; SAP's own samples reference the invoice). Returns and credits
 * entered in ERP against either are found whatever the setting. {@code creditAmountConditionType}
 * is the price condition of a credit memo request item that the credited amount is written to
 * (ERP prices the item itself; the item's {@code NetAmount} cannot be sent).
 * {@code returnReasonCodes} are the items' return reasons ({@code ReturnReason}) and
 * {@code returnOrderReasons} the header's order reasons ({@code SDDocumentReason}), two code lists
 * of the tenant's customizing; a reason not listed takes the default of {@link ReturnReasonCodes}.
 */
@ConfigurationProperties("retailhub.backends.erp")
@Validated
record ErpSettings(@NotBlank String baseUrl, @NotBlank String username, @NotBlank String password,
		@DefaultValue("1s") Duration connectTimeout, @DefaultValue("5s") Duration readTimeout,
		@DefaultValue({ "1710", "1010" }) @NotEmpty List<@NotBlank String> plants,
		@DefaultValue("A") @NotBlank String atpCheckingRule, @DefaultValue("PPR0") @NotBlank String priceConditionType,
		@DefaultValue("CBRE") @NotBlank String customerReturnType,
		@DefaultValue("GA2") @NotBlank String creditMemoRequestType,
		@DefaultValue("009") @NotBlank String creditMemoReason,
		@DefaultValue("10000") @PositiveOrZero int orderNumberCacheSize,
		@DefaultValue("SALES_ORDER") @NotNull ReturnReference returnReference,
		@DefaultValue("PPR0") @NotBlank String creditAmountConditionType,
		Map<ReturnReason, String> returnReasonCodes, Map<ReturnReason, String> returnOrderReasons) {

	/** What the documents the hub creates reference. */
	enum ReturnReference {

		/** The sales order and its items (category C). */
		SALES_ORDER,
		/** The invoice (billing document, category M) that billed each item, and its items. */
		BILLING_DOCUMENT

	}

	ErpSettings {
		returnReasonCodes = returnReasonCodes == null ? Map.of() : Map.copyOf(returnReasonCodes);
		returnOrderReasons = returnOrderReasons == null ? Map.of() : Map.copyOf(returnOrderReasons);
	}
}
