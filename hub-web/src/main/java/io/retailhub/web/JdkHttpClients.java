package io.retailhub.web;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.http.client.JdkClientHttpRequestFactory;

/**
 * Request factories over the JDK HttpClient for every outbound call of the hub, all sharing one
 * pool of reused threads. Without an executor the JDK client hands each exchange to the common
 * fork-join pool, which on a 2-core machine has parallelism 1 and so starts a new thread for
 * every request (and Spring one more per request body): measured at about 70 threads started per
 * return workflow (docs/performance.md).
 */
public final class JdkHttpClients {

	private static final AtomicInteger THREADS = new AtomicInteger();

	private static final ExecutorService EXECUTOR = Executors.newCachedThreadPool(task -> {
		Thread thread = new Thread(task, "http-client-" + THREADS.incrementAndGet());
		thread.setDaemon(true);
		return thread;
	});

	private JdkHttpClients() {
	}

	/** A request factory that never follows redirects, with the given timeouts and protocol version. */
	public static JdkClientHttpRequestFactory requestFactory(Duration connectTimeout, Duration readTimeout,
			HttpClient.Version version) {
		HttpClient client = HttpClient.newBuilder()
			.connectTimeout(connectTimeout)
			.followRedirects(HttpClient.Redirect.NEVER)
			.version(version)
			.executor(EXECUTOR)
			.build();
		JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(client, EXECUTOR);
		factory.setReadTimeout(readTimeout);
		return factory;
	}
}
