package io.retailhub.sandbox.launcher;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * How one Spring Boot service joins the local hub: its application, the port it asks for (0 for
 * a free one), and the properties it takes from what runs before it (database URLs, Kafka
 * address, other services' URLs).
 *
 * <p>Properties are passed as command-line arguments, so they win over the service's own
 * configuration file. Each service runs as its own application context in the launcher's JVM,
 * without a shutdown hook of its own: the launcher closes them, in reverse order.
 *
 * @param name how the hub and its summary refer to the service
 */
record ServiceStarter(String name, int port, Supplier<SpringApplicationBuilder> application,
		Function<LocalHub, Map<String, String>> properties) {

	ConfigurableApplicationContext start(LocalHub hub) {
		Map<String, String> arguments = new LinkedHashMap<>();
		arguments.put("server.port", Integer.toString(this.port));
		arguments.put("spring.main.banner-mode", "off");
		// log lines would carry the name of whichever service set it last: the logger names tell them apart
		arguments.put("logging.include-application-name", "false");
		// Boot's own hook would stop logging at JVM exit while the launcher is still closing services
		arguments.put("logging.register-shutdown-hook", "false");
		arguments.putAll(this.properties.apply(hub));
		SpringApplicationBuilder builder = this.application.get().registerShutdownHook(false);
		// the class Boot names in its start-up log lines; otherwise every service is "LocalHub"
		builder.application().getAllSources().stream()
			.filter(Class.class::isInstance)
			.findFirst()
			.ifPresent(source -> builder.main((Class<?>) source));
		return builder.run(arguments.entrySet().stream()
			.map(argument -> "--" + argument.getKey() + "=" + argument.getValue())
			.toArray(String[]::new));
	}

}
