package io.retailhub.contracts.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import java.util.List;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

class CloudEventHeadersTests {

	@Test
	void attributesAreHeadersWithTheCePrefixOfTheKafkaBinding() {
		assertThat(List.of(CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.ID, CloudEventHeaders.SOURCE,
				CloudEventHeaders.TYPE, CloudEventHeaders.SUBJECT, CloudEventHeaders.TIME,
				CloudEventHeaders.DATA_SCHEMA, CloudEventHeaders.CORRELATION_ID, CloudEventHeaders.TRACE_PARENT,
				CloudEventHeaders.TRACE_STATE, CloudEventHeaders.SEQUENCE))
			.allSatisfy(header -> assertThat(header).matches("ce_[a-z0-9]+"))
			.doesNotHaveDuplicates();
		assertThat(CloudEventHeaders.CONTENT_TYPE).isEqualTo("content-type");
		assertThat(CloudEventHeaders.SPEC_VERSION_1_0).isEqualTo("1.0");
	}

	@Test
	void sourcesNameTheHubService() {
		assertThat(CloudEventHeaders.source("process-api")).isEqualTo(CloudEventHeaders.SOURCE_PROCESS_API)
			.isEqualTo("/retail-hub/process-api");
		assertThat(CloudEventHeaders.source("system-api")).isEqualTo(CloudEventHeaders.SOURCE_SYSTEM_API);
		assertThatIllegalArgumentException().isThrownBy(() -> CloudEventHeaders.source("Process API"));
	}

	@Test
	void timeIsRfc3339InUtc() {
		assertThat(CloudEventHeaders.time(Instant.parse("2026-03-14T09:26:53.589Z")))
			.isEqualTo("2026-03-14T09:26:53.589Z");
		assertThat(CloudEventHeaders.time(Instant.parse("2026-03-14T09:26:53Z"))).isEqualTo("2026-03-14T09:26:53Z");
	}

	@Test
	void sequencesOrderTheSameAsTextAndAsNumbers() {
		List<String> written = LongStream.of(1, 2, 9, 10, 11, 99, 100, 1_000_000, Long.MAX_VALUE)
			.mapToObj(CloudEventHeaders::sequence)
			.toList();

		assertThat(written).isSorted()
			.allSatisfy(value -> assertThat(value).hasSize(CloudEventHeaders.SEQUENCE_DIGITS));
		assertThat(CloudEventHeaders.sequence(42)).isEqualTo("0000000000000000042");
	}

	@Test
	void readsSequencesPaddedOrNot() {
		assertThat(CloudEventHeaders.parseSequence("0000000000000000042")).isEqualTo(42);
		assertThat(CloudEventHeaders.parseSequence("42")).isEqualTo(42);
		assertThat(CloudEventHeaders.parseSequence(CloudEventHeaders.sequence(Long.MAX_VALUE)))
			.isEqualTo(Long.MAX_VALUE);
	}

	@Test
	void rejectsSequencesThatAreNotPositiveDecimals() {
		assertThatIllegalArgumentException().isThrownBy(() -> CloudEventHeaders.sequence(0));
		assertThatIllegalArgumentException().isThrownBy(() -> CloudEventHeaders.parseSequence("0"));
		assertThatIllegalArgumentException().isThrownBy(() -> CloudEventHeaders.parseSequence("-1"));
		assertThatIllegalArgumentException().isThrownBy(() -> CloudEventHeaders.parseSequence("+1"));
		assertThatIllegalArgumentException().isThrownBy(() -> CloudEventHeaders.parseSequence("1e3"));
		assertThatIllegalArgumentException().isThrownBy(() -> CloudEventHeaders.parseSequence(""));
		assertThatIllegalArgumentException().isThrownBy(() -> CloudEventHeaders.parseSequence(null));
		assertThatIllegalArgumentException().isThrownBy(() -> CloudEventHeaders.parseSequence("99999999999999999999"));
	}
}
