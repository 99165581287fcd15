package io.retailhub.process.support;

import io.retailhub.process.platform.inbox.Inbox;
import io.retailhub.process.platform.kafka.DeadLetterTopics;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * What the platform's tests add to process-api: scripted step handlers, recording consumers on
 * a test topic and the domain cases topic, a dead-letter recoverer that can be made to fail, and
 * endpoints that fail on purpose.
 */
@TestConfiguration(proxyBeanMethods = false)
public class PlatformTestBeans {

	/** A scripted step with the default policy. */
	public static final String SCRIPTED_STEP = "test.scripted";

	/** A scripted step allowed 3 attempts ({@link ProcessApiIntegrationTest} sets the override). */
	public static final String EXHAUSTING_STEP = "test.exhausting";

	public static final int EXHAUSTING_MAX_ATTEMPTS = 3;

	/** A step that only counts who ran it. */
	public static final String COUNTING_STEP = "test.counting";

	@Bean
	ScriptedStepHandler scriptedStep() {
		return new ScriptedStepHandler(SCRIPTED_STEP);
	}

	@Bean
	ScriptedStepHandler exhaustingStep() {
		return new ScriptedStepHandler(EXHAUSTING_STEP);
	}

	@Bean
	ScriptedStepHandler countingStep() {
		return new ScriptedStepHandler(COUNTING_STEP);
	}

	@Bean
	RecordedEvents recordedEvents(Inbox inbox, JsonMapper json, PlatformTransactionManager transactionManager) {
		return new RecordedEvents(inbox, json, transactionManager);
	}

	@Bean
	ProblemProbeController problemProbeController() {
		return new ProblemProbeController();
	}

	@Bean
	KafkaAdmin.NewTopics testTopics() {
		return new KafkaAdmin.NewTopics(TopicBuilder.name(RecordedEvents.TEST_TOPIC).partitions(3).replicas(1).build(),
				TopicBuilder.name(DeadLetterTopics.of(RecordedEvents.TEST_TOPIC)).partitions(3).replicas(1).build());
	}

	/** Wraps the dead-letter recoverer before the error handler gets it. */
	@Bean
	static BeanPostProcessor failingOnceRecovererWrapper() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String name) {
				return bean instanceof ConsumerRecordRecoverer recoverer && "deadLetterRecoverer".equals(name)
						? new FailingOnceRecoverer(recoverer) : bean;
			}
		};
	}

}
