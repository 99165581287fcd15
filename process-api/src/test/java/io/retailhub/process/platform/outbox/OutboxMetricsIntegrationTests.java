package io.retailhub.process.platform.outbox;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.retailhub.process.support.CaseEvents;
import io.retailhub.process.support.ProcessApiIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.client.RestClient;

/** The outbox backlog as Prometheus scrapes it: what the "events stuck before Kafka" alert reads. */
@ProcessApiIntegrationTest
class OutboxMetricsIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	Outbox outbox;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Test
	void eventsWaitingForKafkaShowAsOutboxBacklog() {
		// given the relay is held back (its lock taken) while an event commits
		new TransactionTemplate(this.transactionManager).executeWithoutResult(status -> {
			this.jdbc.sql("SELECT pg_advisory_xact_lock(:key)").param("key", OutboxRelay.RELAY_LOCK).query().singleRow();
			TransactionTemplate inner = new TransactionTemplate(this.transactionManager);
			inner.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
			inner.executeWithoutResult(s -> this.outbox.append(CaseEvents.ofANewCase().noted("waiting")));

			// when Prometheus scrapes meanwhile
			// then the backlog and the age of its oldest event show
			await().atMost(Duration.ofSeconds(10)).until(() -> gauge("retailhub_outbox_pending").orElse(0.0) >= 1);
			await().atMost(Duration.ofSeconds(10))
				.until(() -> gauge("retailhub_outbox_oldest_age_seconds").orElse(0.0) > 0);
		});

		// and once the relay may publish again, the backlog drains
		await().atMost(Duration.ofSeconds(10)).until(() -> gauge("retailhub_outbox_pending").orElse(1.0) == 0);
	}

	private Optional<Double> gauge(String name) {
		Matcher matcher = Pattern.compile("(?m)^" + name + "\\{[^}]*} ([0-9.eE+-]+)$").matcher(scrape());
		return matcher.find() ? Optional.of(Double.parseDouble(matcher.group(1))) : Optional.empty();
	}

	private String scrape() {
		return RestClient.create("http://localhost:" + this.port)
			.get()
			.uri("/actuator/prometheus")
			.retrieve()
			.body(String.class);
	}

}
