package io.retailhub.system;

import java.util.Map;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The system layer: the hub's only way into the backends. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SystemApiApplication {

	/** Configuration file name (system-api.yml): distinct, so it can share a JVM with other services. */
	public static final String CONFIG_NAME = "system-api";

	public static void main(String[] args) {
		builder().run(args);
	}

	/** The application as the launcher and tests start it. */
	public static SpringApplicationBuilder builder() {
		return new SpringApplicationBuilder(SystemApiApplication.class)
			.properties(Map.of("spring.config.name", CONFIG_NAME));
	}
}
