package io.retailhub.sandbox.backends.crm;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the simulated Salesforce org behaves.
 * <ul>
 * <li>{@code tokenTtl}: how long an access token issued by {@code /services/oauth2/token} stays
 * valid; afterwards calls answer 401 {@code INVALID_SESSION_ID} (a real org's session timeout,
 * two hours by default);</li>
 * <li>{@code apiRequestLimit}: API calls allowed per UTC day before 403
 * {@code REQUEST_LIMIT_EXCEEDED}; reported in {@code Sforce-Limit-Info};</li>
 * <li>{@code queryBatchSize}: records per SOQL batch unless the caller asks for another size with
 * {@code Sforce-Query-Options: batchSize=N}.</li>
 * </ul>
 */
@ConfigurationProperties("sandbox.crm")
@Validated
record SalesforceSettings(@DefaultValue("2h") Duration tokenTtl,
		@DefaultValue("100000") @Min(1) long apiRequestLimit,
		@DefaultValue("200") @Min(1) @Max(2000) int queryBatchSize) {
}
