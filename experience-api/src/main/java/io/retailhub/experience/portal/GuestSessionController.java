package io.retailhub.experience.portal;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import jakarta.servlet.http.HttpServletRequest;

import io.retailhub.contracts.Customer;
import io.retailhub.contracts.Order;
import io.retailhub.contracts.OrderId;
import io.retailhub.contracts.problems.ProblemType;
import io.retailhub.experience.downstream.DownstreamException;
import io.retailhub.experience.downstream.SystemApiClient;
import io.retailhub.experience.security.GuestTokens;
import io.retailhub.web.ProblemException;
import io.retailhub.web.ProblemResponses;
import jakarta.validation.Valid;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Guest access: an order number and the e-mail it was placed with give a short-lived token for
 * that order alone. A wrong e-mail answers exactly as an unknown order does (404, same body, no
 * faster); attempts are limited per client address and per order number (429 with Retry-After).
 */
@RestController
@RequestMapping(PortalApi.PATH + "/guest-sessions")
class GuestSessionController {

	static final URI TOO_MANY_REQUESTS = URI.create(ProblemType.BASE_URI + "too-many-requests");

	private final SystemApiClient system;

	private final GuestTokens tokens;

	private final GuestSessionSettings settings;

	private final AttemptLimiter perClient;

	private final AttemptLimiter perOrder;

	GuestSessionController(SystemApiClient system, GuestTokens tokens, GuestSessionSettings settings) {
		this.system = system;
		this.tokens = tokens;
		this.settings = settings;
		Clock clock = Clock.systemUTC();
		this.perClient = new AttemptLimiter(settings.perClientAttempts(), settings.perClientWindow(), clock);
		this.perOrder = new AttemptLimiter(settings.perOrderAttempts(), settings.perOrderWindow(), clock);
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	GuestSessionResponse open(@Valid @RequestBody GuestSessionRequest body, HttpServletRequest request) {
		String orderNumber = body.orderNumber().toUpperCase(Locale.ROOT);
		limit(this.perClient.attempt(request.getRemoteAddr()));
		limit(this.perOrder.attempt(orderNumber));
		long started = System.nanoTime();
		try {
			Optional<Order> order = verified(OrderId.of(body.orderNumber()), body.email());
			if (order.isEmpty()) {
				throw ProblemException.notFound("No order with this number and e-mail.");
			}
			GuestTokens.Issued issued = this.tokens.issue(order.get().id().value());
			return new GuestSessionResponse(issued.token(), "Bearer", issued.expiresAt(), order.get().id().value());
		}
		finally {
			padTo(started, this.settings.minAnswerTime());
		}
	}

	/** The order if it exists and its customer's e-mail is this one (compared in constant time). */
	private Optional<Order> verified(OrderId orderId, String email) {
		try {
			Order order = this.system.order(orderId);
			Customer customer = this.system.customer(order.customerId());
			return sameEmail(customer.email(), email) ? Optional.of(order) : Optional.empty();
		}
		catch (DownstreamException ex) {
			if (ex.notFound()) {
				return Optional.empty();
			}
			throw ex;
		}
	}

	private static boolean sameEmail(String known, String given) {
		if (known == null) {
			return false;
		}
		return MessageDigest.isEqual(digest(known.strip().toLowerCase(Locale.ROOT)),
				digest(given.strip().toLowerCase(Locale.ROOT)));
	}

	private static byte[] digest(String text) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void limit(Optional<Duration> retryAfter) {
		retryAfter.ifPresent(wait -> {
			throw new TooManyAttempts(wait);
		});
	}

	private static void padTo(long startedNanos, Duration floor) {
		long until = startedNanos + floor.toNanos();
		long left;
		while ((left = until - System.nanoTime()) > 0) {
			LockSupport.parkNanos(left);
			if (Thread.currentThread().isInterrupted()) {
				return;
			}
		}
	}

	@ExceptionHandler(TooManyAttempts.class)
	ResponseEntity<ProblemDetail> tooMany(TooManyAttempts ex, HttpServletRequest request) {
		long seconds = Math.max(1, TimeUnit.MILLISECONDS.toSeconds(ex.retryAfter().toMillis() + 999));
		ProblemDetail problem = ProblemResponses.problem(ProblemType.INVALID_REQUEST,
				"Too many attempts; try again in " + seconds + " seconds.", request);
		problem.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
		problem.setType(TOO_MANY_REQUESTS);
		problem.setTitle("Too many requests");
		problem.setInstance(URI.create(request.getRequestURI()));
		return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
			.header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem);
	}
}
