package io.retailhub.sandbox.backends;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** The credentials each simulated backend accepts, as the real products would issue them. */
@ConfigurationProperties("sandbox.credentials")
public record SandboxCredentials(String erpUsername, String erpPassword, String crmClientId, String crmClientSecret,
		String paymentSecretKey, String warehouseApiKey, String commerceAccessToken, String carrierApiKey) {
}
