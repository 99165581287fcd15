package io.retailhub.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import io.retailhub.contracts.problems.ProblemType;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies larger than {@code retailhub.web.max-request-size} before they are read:
 * by Content-Length when given, and by counting when the body is chunked.
 */
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class RequestSizeLimitFilter extends OncePerRequestFilter {

	private final long maxBytes;

	private final ProblemResponses problems;

	public RequestSizeLimitFilter(WebSettings settings, ProblemResponses problems) {
		this.maxBytes = settings.maxRequestSize().toBytes();
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long declared = request.getContentLengthLong();
		if (declared > maxBytes) {
			problems.write(request, response, ProblemResponses.problem(ProblemType.PAYLOAD_TOO_LARGE,
					PayloadTooLargeException.limit(maxBytes).getMessage(), request));
			return;
		}
		chain.doFilter(declared >= 0 ? request : new LimitedRequest(request, maxBytes), response);
	}

	/** Thrown while reading a chunked body that grows past the limit. */
	public static final class PayloadTooLargeException extends IOException {

		PayloadTooLargeException(String message) {
			super(message);
		}

		static PayloadTooLargeException limit(long maxBytes) {
			return new PayloadTooLargeException(
					"The request body exceeds the limit of " + DataSize.ofBytes(maxBytes).toKilobytes() + " KB");
		}
	}

	private static final class LimitedRequest extends HttpServletRequestWrapper {

		private final long maxBytes;

		LimitedRequest(HttpServletRequest request, long maxBytes) {
			super(request);
			this.maxBytes = maxBytes;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			ServletInputStream delegate = super.getInputStream();
			return new ServletInputStream() {
				private long read;

				@Override
				public int read() throws IOException {
					int b = delegate.read();
					if (b >= 0) {
						count(1);
					}
					return b;
				}

				@Override
				public int read(byte[] buffer, int offset, int length) throws IOException {
					int n = delegate.read(buffer, offset, length);
					if (n > 0) {
						count(n);
					}
					return n;
				}

				private void count(int n) throws PayloadTooLargeException {
					read += n;
					if (read > maxBytes) {
						throw PayloadTooLargeException.limit(maxBytes);
					}
				}

				@Override
				public boolean isFinished() {
					return delegate.isFinished();
				}

				@Override
				public boolean isReady() {
					return delegate.isReady();
				}

				@Override
				public void setReadListener(ReadListener listener) {
					delegate.setReadListener(listener);
				}
			};
		}
	}
}
