package io.retailhub.process.drills;

import java.util.Map;

import io.retailhub.process.e2e.ProcessApi;
import io.retailhub.process.e2e.ProcessApiInstances;
import io.retailhub.process.e2e.ProcessApiInstances.Deployment;
import io.retailhub.process.e2e.WarehouseReceipts;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * The drills' own process-api deployment, for drills that start, crash and restart whole
 * instances: a database, consumer group and return-number prefix apart from every test context
 * and from {@link ProcessApiInstances#INSTANCES}. Leases are short there (3 s), so a crashed
 * instance's steps are taken over within seconds.
 */
final class Instances {

	static final Deployment DRILLS = new Deployment("process_drills", "process-api-drills", "RD-", Map.of());

	private Instances() {
	}

	static ConfigurableApplicationContext start(String instanceId) {
		return ProcessApiInstances.start(instanceId, DRILLS);
	}

	static ProcessApi api(ConfigurableApplicationContext instance) {
		return new ProcessApi(ProcessApiInstances.port(instance));
	}

	@SuppressWarnings("unchecked")
	static WarehouseReceipts receipts(ConfigurableApplicationContext instance) {
		return new WarehouseReceipts(instance.getBean(KafkaTemplate.class), instance.getBean(JsonMapper.class));
	}

	/** The deployment's database, read from the test: it outlives every instance, crashed ones included. */
	static JdbcClient database() {
		return ProcessApiInstances.database(DRILLS);
	}
}
