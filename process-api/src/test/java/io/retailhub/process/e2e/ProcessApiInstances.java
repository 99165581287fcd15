package io.retailhub.process.e2e;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.retailhub.process.ProcessApiApplication;
import io.retailhub.sandbox.infra.SharedInfrastructure;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * Whole process-api instances started and stopped by a test, as a deployment would run them:
 * several on one database, or one stopped mid-workflow and another started in its place. They
 * share a database and a consumer group of their own, apart from every test context.
 */
final class ProcessApiInstances {

	static final String DATABASE = "process_instances";

	static final String CONSUMER_GROUP = "process-api-instances-tests";

	private ProcessApiInstances() {
	}

	static ConfigurableApplicationContext start(String instanceId) {
		Map<String, String> properties = new LinkedHashMap<>(SharedInfrastructure.springProperties(DATABASE));
		properties.put("server.port", "0");
		properties.put("spring.main.banner-mode", "off");
		properties.put("spring.kafka.consumer.group-id", CONSUMER_GROUP);
		properties.put("retailhub.system-api.base-url", HubSandbox.systemApiUrl());
		properties.put("retailhub.system-api.read-timeout", "3s");
		properties.put("retailhub.workflow.instance-id", instanceId);
		// the sandbox ERP is shared by every process-api in this JVM: RMA references must not collide
		properties.put("retailhub.returns.number-prefix", "RI-");
		properties.put("retailhub.outbox.poll-interval", "20ms");
		properties.put("retailhub.workflow.steps.poll-interval", "20ms");
		properties.put("retailhub.workflow.steps.backoff.base", "10ms");
		properties.put("retailhub.workflow.steps.backoff.max", "200ms");
		// a stopped instance's leases run out soon, so its successor takes over in a moment
		properties.put("retailhub.workflow.steps.lease", "3s");
		properties.put("retailhub.workflow.steps.shutdown-timeout", "1s");
		properties.put("retailhub.kafka.partitions", "3");
		properties.put("spring.kafka.consumer.properties.metadata.max.age.ms", "1000");
		List<String> args = new ArrayList<>();
		properties.forEach((name, value) -> args.add("--" + name + "=" + value));
		return ProcessApiApplication.builder().run(args.toArray(String[]::new));
	}

	static int port(ConfigurableApplicationContext instance) {
		return Integer.parseInt(instance.getEnvironment().getProperty("local.server.port"));
	}
}
