package io.retailhub.process;

import java.util.Map;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The process layer: durable return and refund workflows. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ProcessApiApplication {

	/** Configuration file name (process-api.yml): distinct, so it can share a JVM with other services. */
	public static final String CONFIG_NAME = "process-api";

	public static void main(String[] args) {
		builder().run(args);
	}

	/** The application as the launcher and tests start it. */
	public static SpringApplicationBuilder builder() {
		return new SpringApplicationBuilder(ProcessApiApplication.class)
			.properties(Map.of("spring.config.name", CONFIG_NAME));
	}
}
