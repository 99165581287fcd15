package io.retailhub.sandbox.backends.faults;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * What is wrong with a backend right now.
 * <ul>
 * <li>{@code latencyMs}: added to every response (set it above the client's timeout to simulate
 * responses that arrive too late);</li>
 * <li>{@code errorRate}: share of requests (0..1) answered with {@code errorStatus} in the
 * backend's own error dialect;</li>
 * <li>{@code outage}: every request fails with {@code errorStatus}, until cleared or until
 * {@code outageUntil} if given;</li>
 * <li>{@code writeAnswerDelayMs}: a write (any method but GET, HEAD and OPTIONS) is carried out at
 * once and its answer held back this long: a backend slow to answer after it committed, so that
 * the caller learns of the write late, or times out although it happened.</li>
 * </ul>
 */
public record Fault(@Min(0) @Max(120_000) long latencyMs, @DecimalMin("0.0") @DecimalMax("1.0") double errorRate,
		Integer errorStatus, boolean outage, Instant outageUntil, @Min(0) @Max(120_000) long writeAnswerDelayMs) {

	static final int DEFAULT_ERROR_STATUS = 503;

	/** A fault that holds back no answers. */
	public Fault(long latencyMs, double errorRate, Integer errorStatus, boolean outage, Instant outageUntil) {
		this(latencyMs, errorRate, errorStatus, outage, outageUntil, 0);
	}

	/** From JSON, where every member is optional. */
	@JsonCreator
	static Fault fromJson(@JsonProperty("latencyMs") Long latencyMs, @JsonProperty("errorRate") Double errorRate,
			@JsonProperty("errorStatus") Integer errorStatus, @JsonProperty("outage") Boolean outage,
			@JsonProperty("outageUntil") Instant outageUntil,
			@JsonProperty("writeAnswerDelayMs") Long writeAnswerDelayMs) {
		return new Fault(latencyMs == null ? 0 : latencyMs, errorRate == null ? 0 : errorRate, errorStatus,
				Boolean.TRUE.equals(outage), outageUntil, writeAnswerDelayMs == null ? 0 : writeAnswerDelayMs);
	}

	public Fault {
		if (errorStatus == null) {
			errorStatus = DEFAULT_ERROR_STATUS;
		}
		if (errorStatus < 400 || errorStatus > 599) {
			throw new IllegalArgumentException("errorStatus must be an HTTP error status (400-599)");
		}
	}

	static Fault none() {
		return new Fault(0, 0, null, false, null);
	}

	boolean inOutage(Instant now) {
		return outage && (outageUntil == null || now.isBefore(outageUntil));
	}
}
