package io.retailhub.sandbox.backends;

import java.util.Map;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The simulated ERP, CRM, payment, warehouse, commerce and carrier backends, each under its own path
 * prefix, with seeded demo data and an admin API for fault injection.
 */
@SpringBootApplication(excludeName = {
		// each backend authenticates in its own dialect (Basic, OAuth, API keys, HMAC) and the admin
		// API is open; where Spring Security shares the classpath (the hub's tests, the launcher),
		// its defaults must not put another lock in front of them
		"org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
		"org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
		"org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
		"org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration",
		"org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
		"org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration",
		"org.springframework.boot.security.oauth2.client.autoconfigure.servlet.OAuth2ClientWebSecurityAutoConfiguration" })
@ConfigurationPropertiesScan
public class SandboxBackendsApplication {

	/** Configuration file name (sandbox.yml): distinct, so it can share a JVM with the services. */
	public static final String CONFIG_NAME = "sandbox";

	public static void main(String[] args) {
		builder().run(args);
	}

	/** The application as the launcher and tests start it. */
	public static SpringApplicationBuilder builder() {
		return new SpringApplicationBuilder(SandboxBackendsApplication.class)
			.properties(Map.of("spring.config.name", CONFIG_NAME));
	}

}
