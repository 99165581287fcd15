package io.retailhub.process.platform.kafka;

import java.nio.charset.StandardCharsets;

import io.retailhub.contracts.events.CloudEventHeaders;
import io.retailhub.process.platform.internal.CorrelationContext;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.MDC;

import org.springframework.kafka.listener.RecordInterceptor;

/**
 * Puts a record's {@code ce_correlationid} in the MDC while a listener handles it: its log lines
 * carry it, and the events it appends to the outbox inherit it.
 */
class CorrelationRecordInterceptor implements RecordInterceptor<Object, Object> {

	@Override
	public ConsumerRecord<Object, Object> intercept(ConsumerRecord<Object, Object> record,
			Consumer<Object, Object> consumer) {
		Header header = record.headers().lastHeader(CloudEventHeaders.CORRELATION_ID);
		if (header != null && header.value() != null) {
			MDC.put(CorrelationContext.MDC_KEY, new String(header.value(), StandardCharsets.UTF_8));
		}
		return record;
	}

	@Override
	public void afterRecord(ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
		MDC.remove(CorrelationContext.MDC_KEY);
	}

}
