package io.retailhub.contracts.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class TopicsTests {

	@Test
	void namesOneTopicPerDomain() {
		assertThat(Topics.ALL).containsExactly("retail.orders.v1", "retail.returns.v1", "retail.refunds.v1",
				"retail.cases.v1", "retail.loyalty.v1");
	}

	@Test
	void deadLetterTopicsBelongToOneConsumer() {
		assertThat(Topics.deadLetter(Topics.RETURNS, "process-api")).isEqualTo("retail.returns.v1.process-api.dlt");
		assertThat(Topics.deadLetter(Topics.RETURNS, "experience-api"))
			.isEqualTo("retail.returns.v1.experience-api.dlt");
	}

	@Test
	void retryTopicsBelongToOneConsumer() {
		assertThat(Topics.retry(Topics.REFUNDS, "process-api")).isEqualTo("retail.refunds.v1.process-api.retry");
	}

	@Test
	void rejectsNamesKafkaOrTheConventionWouldRefuse() {
		assertThatIllegalArgumentException().isThrownBy(() -> Topics.deadLetter(Topics.RETURNS, "Process API"));
		assertThatIllegalArgumentException().isThrownBy(() -> Topics.deadLetter(Topics.RETURNS, ""));
		assertThatIllegalArgumentException().isThrownBy(() -> Topics.deadLetter("retail/returns", "process-api"));
		assertThatIllegalArgumentException().isThrownBy(() -> Topics.retry(null, "process-api"));
		assertThatIllegalArgumentException().isThrownBy(() -> Topics.deadLetter("t".repeat(240), "process-api"));
	}
}
