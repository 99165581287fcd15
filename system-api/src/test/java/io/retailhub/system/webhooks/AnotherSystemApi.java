package io.retailhub.system.webhooks;

import java.util.ArrayList;
import java.util.List;

import io.retailhub.sandbox.backends.faults.Backend;
import io.retailhub.system.SystemApiApplication;
import io.retailhub.system.support.Sandbox;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * A second system API in this JVM, beside the one under test, on the same backends: as after a
 * restart (it remembers nothing), or with its own view of Kafka. Closed by the test that started it.
 */
final class AnotherSystemApi implements AutoCloseable {

	private final ConfigurableApplicationContext context;

	private AnotherSystemApi(ConfigurableApplicationContext context) {
		this.context = context;
	}

	static AnotherSystemApi start(String kafkaBootstrapServers) {
		List<String> args = new ArrayList<>(List.of("--server.port=0", "--spring.main.banner-mode=off",
				"--spring.kafka.bootstrap-servers=" + kafkaBootstrapServers));
		for (Backend backend : Backend.values()) {
			args.add("--retailhub.backends." + backend.id() + ".base-url=" + Sandbox.baseUrl(backend));
		}
		return new AnotherSystemApi(SystemApiApplication.builder().run(args.toArray(String[]::new)));
	}

	String url() {
		return "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
	}

	@Override
	public void close() {
		context.close();
	}
}
