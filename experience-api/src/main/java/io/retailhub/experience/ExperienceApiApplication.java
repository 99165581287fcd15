package io.retailhub.experience;

import java.util.Map;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The experience layer: channel-shaped APIs for agents, shoppers, store staff and ops. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ExperienceApiApplication {

	/** Configuration file name (experience-api.yml): distinct, so it can share a JVM with other services. */
	public static final String CONFIG_NAME = "experience-api";

	public static void main(String[] args) {
		builder().run(args);
	}

	/** The application as the launcher and tests start it. */
	public static SpringApplicationBuilder builder() {
		return new SpringApplicationBuilder(ExperienceApiApplication.class)
			.properties(Map.of("spring.config.name", CONFIG_NAME));
	}
}
