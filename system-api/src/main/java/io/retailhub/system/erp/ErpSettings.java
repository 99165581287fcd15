package io.retailhub.system.erp;

import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.PositiveOrZero;

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
 * adapter remembers to skip lookups that only translate one into the other ({@link OrderNumbers});
 * 0 remembers none.
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
		@DefaultValue("10000") @PositiveOrZero int orderNumberCacheSize) {
}
