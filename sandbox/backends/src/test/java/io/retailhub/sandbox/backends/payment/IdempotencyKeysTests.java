package io.retailhub.sandbox.backends.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.retailhub.sandbox.backends.data.DemoData;
import io.retailhub.sandbox.backends.state.SandboxState;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

class IdempotencyKeysTests {

	final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T10:00:00Z"));

	final PaymentEffects effects = new PaymentEffects(
			new PaymentLedger(DemoData.generate(DemoData.DEFAULT_SEED, clock.instant(), 4, 6), clock,
					SandboxState.inMemory()));

	final IdempotencyKeys keys = new IdempotencyKeys(clock, new PaymentSandboxSettings(1000, Duration.ofHours(24)),
			effects, JsonMapper.builder().build(), SandboxState.inMemory());

	final AtomicInteger executions = new AtomicInteger();

	@Test
	void runsTheFirstRequestAndReplaysItsAnswerForTheSameParameters() {
		ResponseEntity<byte[]> first = keys.execute("k1", "/v1/refunds", params("amount", "100"), "replayed", this::count);
		ResponseEntity<byte[]> second = keys.execute("k1", "/v1/refunds", params("amount", "100"), "replayed", this::count);

		assertThat(executions).hasValue(1);
		assertThat(second.getBody()).isEqualTo(first.getBody());
		assertThat(second.getHeaders().getFirst(IdempotencyKeys.REPLAYED)).isEqualTo("true");
		assertThat(effects.count("replayed")).isEqualTo(1);
	}

	@Test
	void answersAConcurrentRequestWithTheSameKeyWithConflict() throws Exception {
		CountDownLatch running = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		CompletableFuture<ResponseEntity<byte[]>> first = CompletableFuture
			.supplyAsync(() -> keys.execute("k2", "/v1/refunds", params("amount", "100"), "replayed", () -> {
				running.countDown();
				await(release);
				return count();
			}));
		assertThat(running.await(5, TimeUnit.SECONDS)).isTrue();

		ResponseEntity<byte[]> concurrent = keys.execute("k2", "/v1/refunds", params("amount", "100"), "replayed",
				this::count);
		release.countDown();
		ResponseEntity<byte[]> firstAnswer = first.get(5, TimeUnit.SECONDS);
		ResponseEntity<byte[]> afterwards = keys.execute("k2", "/v1/refunds", params("amount", "100"), "replayed",
				this::count);

		assertThat(concurrent.getStatusCode().value()).isEqualTo(409);
		assertThat(firstAnswer.getStatusCode().value()).isEqualTo(200);
		assertThat(afterwards.getHeaders().getFirst(IdempotencyKeys.REPLAYED)).isEqualTo("true");
		assertThat(executions).hasValue(1);
		assertThat(effects.count(PaymentEffects.IDEMPOTENCY_CONFLICTS)).isEqualTo(1);
	}

	@Test
	void forgetsAKeyOnceItsTimeToLiveHasPassed() {
		keys.execute("k3", "/v1/refunds", params("amount", "100"), "replayed", this::count);

		clock.advance(Duration.ofHours(23));
		keys.execute("k3", "/v1/refunds", params("amount", "100"), "replayed", this::count);
		clock.advance(Duration.ofHours(1));
		ResponseEntity<byte[]> afterTtl = keys.execute("k3", "/v1/refunds", params("amount", "100"), "replayed",
				this::count);

		assertThat(executions).hasValue(2);
		assertThat(afterTtl.getHeaders().getFirst(IdempotencyKeys.REPLAYED)).isNull();
	}

	@Test
	void doesNotSaveAnswersToRequestsThatFailedValidation() {
		ResponseEntity<byte[]> invalid = keys.execute("k4", "/v1/refunds", params("amount", "x"), "replayed", () -> {
			throw StripeException.invalidParameter("parameter_invalid_integer", "amount", "Invalid integer: x");
		});
		ResponseEntity<byte[]> corrected = keys.execute("k4", "/v1/refunds", params("amount", "1"), "replayed",
				this::count);

		assertThat(invalid.getStatusCode().value()).isEqualTo(400);
		assertThat(new String(invalid.getBody(), StandardCharsets.UTF_8)).contains("parameter_invalid_integer");
		assertThat(corrected.getStatusCode().value()).isEqualTo(200);
		assertThat(executions).hasValue(1);
	}

	@Test
	void refusesKeysLongerThanStripeAccepts() {
		ResponseEntity<byte[]> tooLong = keys.execute("k".repeat(256), "/v1/refunds", params("amount", "1"), "replayed",
				this::count);

		assertThat(tooLong.getStatusCode().value()).isEqualTo(400);
		assertThat(executions).hasValue(0);
	}

	private Map<String, Object> count() {
		return Map.of("execution", executions.incrementAndGet());
	}

	private static MultiValueMap<String, String> params(String name, String value) {
		MultiValueMap<String, String> params = new LinkedMultiValueMap<>();
		params.add("payment_intent", "pi_1");
		params.add(name, value);
		return params;
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}
}
