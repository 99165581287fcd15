package io.retailhub.process.e2e;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import io.retailhub.sandbox.backends.faults.Backend;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.web.util.ContentCachingResponseWrapper;

import static org.awaitility.Awaitility.await;

/**
 * Requests to the sandbox backends that a test holds until it releases them: the deterministic
 * way to have a call "at the backend" while something else happens (an instance crashes, a second
 * request arrives, the caller gives up). A servlet filter in the sandbox, after its fault injection
 * (so a held request is counted in {@code /admin/requests} and an injected outage still answers
 * first).
 *
 * <p>{@link #holdRequests} stops matching requests before the backend sees them; on release they
 * are served as usual. {@link #holdAnswers} lets the backend do its work (the refund is made, the
 * memo posted) and holds its answer, so the caller hears nothing until release: an answer lost on
 * its way. Either holds every matching request from then on until {@link Hold#release()}; later
 * ones pass. {@link HubSandbox#heal()} releases every hold, so a failed test leaves none behind.
 */
public final class HeldRequests implements Filter, Ordered {

	/** A held request goes on by itself after this, so that a broken test cannot hang the sandbox. */
	private static final Duration LONGEST_HOLD = Duration.ofMinutes(2);

	private static final Duration PATIENCE = Duration.ofSeconds(60);

	private final List<Hold> holds = new CopyOnWriteArrayList<>();

	HeldRequests() {
	}

	/** Holds requests to the backend with this method whose path and query contain every fragment, before the backend sees them. */
	public Hold holdRequests(Backend backend, String method, String... fragments) {
		return holdRequests(backend, method, containingAll(fragments));
	}

	/** Holds requests to the backend with this method whose path and query (decoded) match, before the backend sees them. */
	public Hold holdRequests(Backend backend, String method, Predicate<String> target) {
		return add(new Hold(backend, method, target, false));
	}

	/** Lets the backend serve requests with this method whose path and query contain every fragment, and holds their answers. */
	public Hold holdAnswers(Backend backend, String method, String... fragments) {
		return add(new Hold(backend, method, containingAll(fragments), true));
	}

	private static Predicate<String> containingAll(String... fragments) {
		return target -> Arrays.stream(fragments).allMatch(target::contains);
	}

	void releaseAll() {
		holds.forEach(Hold::release);
	}

	private Hold add(Hold hold) {
		holds.add(hold);
		return hold;
	}

	/** Right after the sandbox's fault injection. */
	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 20;
	}

	@Override
	public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		HttpServletRequest http = (HttpServletRequest) request;
		Hold hold = request.getDispatcherType() != DispatcherType.REQUEST ? null
				: holds.stream().filter(h -> h.matches(http)).findFirst().orElse(null);
		if (hold == null) {
			chain.doFilter(request, response);
			return;
		}
		hold.catches(http);
		try {
			if (!hold.answers) {
				hold.awaitRelease();
				chain.doFilter(request, response);
				return;
			}
			ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper((HttpServletResponse) response);
			chain.doFilter(request, answer);
			hold.done.incrementAndGet();
			hold.awaitRelease();
			answer.copyBodyToResponse();
		}
		finally {
			hold.served.incrementAndGet();
		}
	}

	/** Requests of one kind held from its creation until {@link #release()}. */
	public final class Hold {

		private final Backend backend;

		private final String method;

		private final Predicate<String> target;

		private final boolean answers;

		private final CountDownLatch released = new CountDownLatch(1);

		/** The header whose value is kept of every request caught, null for none. */
		private volatile String header;

		private final List<String> headerValues = new CopyOnWriteArrayList<>();

		private final AtomicInteger held = new AtomicInteger();

		private final AtomicInteger done = new AtomicInteger();

		private final AtomicInteger served = new AtomicInteger();

		private Hold(Backend backend, String method, Predicate<String> target, boolean answers) {
			this.backend = backend;
			this.method = method;
			this.target = target;
			this.answers = answers;
		}

		/** A request to the backend with this method whose path and query (decoded) match, while the hold lasts. */
		private boolean matches(HttpServletRequest request) {
			if (released.getCount() == 0 || !method.equalsIgnoreCase(request.getMethod())) {
				return false;
			}
			String path = request.getRequestURI().substring(request.getContextPath().length());
			if (!path.startsWith(backend.pathPrefix() + "/")) {
				return false;
			}
			String query = request.getQueryString() == null ? "" : "?" + request.getQueryString();
			return target.test(URLDecoder.decode(path + query, StandardCharsets.UTF_8));
		}

		private void awaitRelease() {
			try {
				released.await(LONGEST_HOLD.toMillis(), TimeUnit.MILLISECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

		/** Requests this hold caught so far. */
		public int held() {
			return held.get();
		}

		/** Records the value of this header of every request caught from now on (see {@link #headerValues()}). */
		public Hold recording(String headerName) {
			this.header = headerName;
			return this;
		}

		/** The {@link #recording recorded} header's values of the requests caught so far. */
		public List<String> headerValues() {
			return List.copyOf(headerValues);
		}

		private void catches(HttpServletRequest request) {
			String name = header;
			String value = name == null ? null : request.getHeader(name);
			if (value != null) {
				headerValues.add(value);
			}
			held.incrementAndGet();
		}

		/** Waits until this hold has caught at least {@code count} requests (for answers: until the backend served them). */
		public Hold awaitHeld(int count) {
			await().atMost(PATIENCE)
				.pollInterval(Duration.ofMillis(10))
				.until(() -> (answers ? done.get() : held.get()) >= count);
			return this;
		}

		/** Lets every held request (or answer) go on; later requests pass unheld. */
		public void release() {
			released.countDown();
			holds.remove(this);
		}

		/** Releases, then waits until every request this hold caught has been served and answered. */
		public void releaseAndAwaitServed() {
			release();
			await().atMost(PATIENCE).pollInterval(Duration.ofMillis(10)).until(() -> served.get() == held.get());
		}
	}
}
