package io.retailhub.sandbox.backends.state;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.retailhub.sandbox.backends.SandboxBackendsApplication;
import io.retailhub.sandbox.backends.data.DemoData;
import io.retailhub.sandbox.backends.data.DemoOrder;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * The sandbox started as the launcher starts it, on a free port and a state directory, with a
 * clock of the test's choosing; retries of webhooks are fast, and webhooks and idempotency keys
 * outlive a clock moved on by days.
 */
final class RunningSandbox implements AutoCloseable {

	private final ConfigurableApplicationContext context;

	private final SandboxClient client;

	/** Orders taken by any sandbox of this JVM: each test's documents stay apart. */
	private static final AtomicInteger nextOrder = new AtomicInteger(1200);

	private RunningSandbox(ConfigurableApplicationContext context) {
		this.context = context;
		this.client = new SandboxClient(port());
	}

	static RunningSandbox start(Path directory, Clock clock, String... properties) {
		List<String> arguments = new ArrayList<>(List.of("server.port=0", "spring.main.banner-mode=off",
				"sandbox.state.directory=" + directory, "sandbox.warehouse.webhooks.retry.initial-backoff=100ms",
				"sandbox.warehouse.webhooks.retry.max-backoff=200ms",
				"sandbox.warehouse.webhooks.retry.max-age=30d", "sandbox.payment.idempotency-key-ttl=30d"));
		arguments.addAll(List.of(properties));
		return new RunningSandbox(SandboxBackendsApplication.builder()
			.initializers(context -> context.getBeanFactory().registerSingleton("clock", clock))
			.run(arguments.stream().map(argument -> "--" + argument).toArray(String[]::new)));
	}

	int port() {
		return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
	}

	SandboxClient client() {
		return client;
	}

	DemoData data() {
		return context.getBean(DemoData.class);
	}

	/** A delivered order with two units or more on line 10, nothing returned, and no other test's. */
	DemoOrder untouchedDeliveredOrder() {
		return untouchedDeliveredOrder(data());
	}

	static DemoOrder untouchedDeliveredOrder(DemoData data) {
		List<DemoOrder> orders = data.orders();
		for (int i = nextOrder.getAndIncrement(); i < orders.size(); i = nextOrder.getAndIncrement()) {
			DemoOrder order = orders.get(i);
			if (order.fullyDelivered() && order.returns().isEmpty() && order.lines().get(0).quantity() >= 2) {
				return order;
			}
		}
		throw new IllegalStateException("no untouched delivered orders left");
	}

	@Override
	public void close() {
		context.close();
	}
}
