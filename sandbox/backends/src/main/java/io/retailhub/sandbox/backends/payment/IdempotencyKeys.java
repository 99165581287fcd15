package io.retailhub.sandbox.backends.payment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

import io.retailhub.sandbox.backends.state.SandboxState;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;

/**
 * Stripe's idempotent requests (https://docs.stripe.com/api/idempotent_requests): the first request
 * with a key saves its status and body once the endpoint starts executing; a later request with the
 * same key and the same parameters gets that saved answer byte for byte, with
 * {@code Idempotent-Replayed: true}. Other parameters give 400 {@code idempotency_error}, another
 * endpoint 400 {@code invalid_request_error}, a request while the first still runs 409. Requests
 * refused by parameter validation are not saved. Keys are forgotten after
 * {@code sandbox.payment.idempotency-key-ttl}, or all at once with {@link #forgetAll()}.
 *
 * <p>A request runs as one change of the {@link SandboxState}: a snapshot holds the refund it
 * created together with its key and saved answer, or neither, so a retry after a restart is
 * replayed rather than refunding twice. Keys of requests still running are not kept.
 */
@Component
public class IdempotencyKeys {

	static final String IDEMPOTENCY_KEY = "Idempotency-Key";

	static final String REPLAYED = "Idempotent-Replayed";

	static final int MAX_KEY_LENGTH = 255;

	private static final int PRUNE_EVERY = 256;

	private final Map<String, Entry> entries = new HashMap<>();

	private final Clock clock;

	private final Duration ttl;

	private final PaymentEffects effects;

	private final JsonMapper json;

	private final SandboxState state;

	private int untilPrune = PRUNE_EVERY;

	IdempotencyKeys(Clock clock, PaymentSandboxSettings settings, PaymentEffects effects, JsonMapper json,
			SandboxState state) {
		this.clock = clock;
		this.ttl = settings.idempotencyKeyTtl();
		this.effects = effects;
		this.json = json;
		this.state = state;
	}

	/** A key whose request completed, with its saved answer, as a snapshot holds it. */
	record SavedKey(String key, String endpoint, Map<String, List<String>> params, Instant createdAt, int status,
			byte[] body) {
	}

	/** The saved answer of one request. */
	private record Saved(int status, byte[] body) {
	}

	private static final class Entry {

		final String endpoint;

		final Map<String, List<String>> params;

		final Instant createdAt;

		/** Null while the first request still runs. */
		volatile Saved saved;

		Entry(String endpoint, Map<String, List<String>> params, Instant createdAt) {
			this.endpoint = endpoint;
			this.params = params;
			this.createdAt = createdAt;
		}
	}

	/**
	 * Runs a POST endpoint under Stripe's idempotency rules. The action returns the object to
	 * answer with 200, or throws a {@link StripeException}.
	 * @param key the {@code Idempotency-Key} header, or null to run without one
	 * @param endpoint the request path, which a key is bound to
	 * @param replayEffect the effect to record when answering from a saved response
	 */
	ResponseEntity<byte[]> execute(String key, String endpoint, MultiValueMap<String, String> params,
			String replayEffect, Supplier<Object> action) {
		return state.change(() -> doExecute(key, endpoint, params, replayEffect, action));
	}

	private ResponseEntity<byte[]> doExecute(String key, String endpoint, MultiValueMap<String, String> params,
			String replayEffect, Supplier<Object> action) {
		if (key == null) {
			return respond(run(action).answer(), null, false);
		}
		if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
			return respond(error(StripeException.invalidParameter(null, null, "Invalid Idempotency-Key: it must be "
					+ "between 1 and " + MAX_KEY_LENGTH + " characters long.")), null, false);
		}
		Entry entry;
		try {
			entry = begin(key, endpoint, new TreeMap<>(params));
		}
		catch (StripeException ex) {
			effects.record(PaymentEffects.IDEMPOTENCY_CONFLICTS);
			return respond(error(ex), key, false);
		}
		if (entry.saved != null) {
			effects.record(replayEffect);
			return respond(entry.saved, key, true);
		}
		Outcome outcome;
		try {
			outcome = run(action);
		}
		catch (RuntimeException ex) {
			release(key, entry);
			throw ex;
		}
		if (outcome.keep()) {
			complete(key, entry, outcome.answer());
		}
		else {
			release(key, entry);
		}
		return respond(outcome.answer(), key, false);
	}

	/** An answer, and whether it is saved under the key (not when validation refused the request). */
	private record Outcome(Saved answer, boolean keep) {
	}

	private Outcome run(Supplier<Object> action) {
		try {
			return new Outcome(new Saved(200, json.writeValueAsBytes(action.get())), true);
		}
		catch (StripeException ex) {
			return new Outcome(error(ex), !ex.validation());
		}
	}

	private Saved error(StripeException ex) {
		return new Saved(ex.status(), json.writeValueAsBytes(ex.body()));
	}

	private static ResponseEntity<byte[]> respond(Saved answer, String key, boolean replayed) {
		ResponseEntity.BodyBuilder response = ResponseEntity.status(answer.status())
			.contentType(MediaType.APPLICATION_JSON);
		if (key != null) {
			response.header(IDEMPOTENCY_KEY, key);
		}
		if (replayed) {
			response.header(REPLAYED, "true");
		}
		return response.body(answer.body());
	}

	/** Forgets every key and saved answer, as Stripe does after 24 hours: the next request with an old key runs anew. */
	public void forgetAll() {
		state.change(() -> {
			synchronized (this) {
				entries.clear();
			}
		});
	}

	/** The keys whose request completed, with their saved answers. */
	synchronized List<SavedKey> saved() {
		return entries.entrySet()
			.stream()
			.filter(e -> e.getValue().saved != null)
			.map(e -> new SavedKey(e.getKey(), e.getValue().endpoint, e.getValue().params, e.getValue().createdAt,
					e.getValue().saved.status(), e.getValue().saved.body()))
			.toList();
	}

	/** Puts saved keys in place, each with its answer, to be replayed until it expires. */
	synchronized void restore(List<SavedKey> saved) {
		for (SavedKey key : saved) {
			Entry entry = new Entry(key.endpoint(), new TreeMap<>(key.params()), key.createdAt());
			entry.saved = new Saved(key.status(), key.body());
			entries.put(key.key(), entry);
		}
	}

	/**
	 * Takes the key for a new request (an entry without a saved answer, now owned by the caller)
	 * or finds the saved answer to replay.
	 */
	private synchronized Entry begin(String key, String endpoint, Map<String, List<String>> params) {
		Instant now = clock.instant();
		if (--untilPrune <= 0) {
			untilPrune = PRUNE_EVERY;
			entries.values().removeIf(e -> e.saved != null && expired(e, now));
		}
		Entry entry = entries.get(key);
		if (entry != null && expired(entry, now)) {
			entries.remove(key);
			entry = null;
		}
		if (entry == null) {
			Entry taken = new Entry(endpoint, params, now);
			entries.put(key, taken);
			return taken;
		}
		if (!entry.endpoint.equals(endpoint)) {
			throw StripeException.idempotencyOtherEndpoint(key, entry.endpoint, endpoint);
		}
		if (!entry.params.equals(params)) {
			throw StripeException.idempotencyMismatch(key);
		}
		if (entry.saved == null) {
			throw StripeException.concurrentIdempotentRequest();
		}
		return entry;
	}

	/** Saves the answer, unless the key was forgotten meanwhile. */
	private synchronized void complete(String key, Entry entry, Saved answer) {
		if (entries.get(key) == entry) {
			entry.saved = answer;
		}
	}

	private synchronized void release(String key, Entry entry) {
		entries.remove(key, entry);
	}

	private boolean expired(Entry entry, Instant now) {
		return !entry.createdAt.plus(ttl).isAfter(now);
	}
}
