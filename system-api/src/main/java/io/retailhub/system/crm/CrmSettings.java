package io.retailhub.system.crm;

import java.time.Duration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the Salesforce org is and how the hub signs in to it. {@code baseUrl} is the org's My
 * Domain URL ({@code https://acme.my.salesforce.com}) without {@code /services}; the hub sends
 * every call there (it does not switch to the token's {@code instance_url}, which is the same host
 * for a My Domain login). {@code clientId} and {@code clientSecret} are the connected app's
 * consumer key and secret for the client-credentials flow.
 */
@ConfigurationProperties("retailhub.backends.crm")
@Validated
record CrmSettings(@NotBlank String baseUrl, @DefaultValue("v60.0") @Pattern(regexp = "v\\d+\\.\\d") String apiVersion,
		@NotBlank String clientId, @NotBlank String clientSecret, @DefaultValue("1s") Duration connectTimeout,
		@DefaultValue("5s") Duration readTimeout) {

	CrmSettings {
		while (baseUrl != null && baseUrl.endsWith("/")) {
			baseUrl = baseUrl.substring(0, baseUrl.length() - 1);
		}
	}

	/** The REST API root of the configured version: {@code <baseUrl>/services/data/v60.0}. */
	String restUrl() {
		return baseUrl + "/services/data/" + apiVersion;
	}
}
