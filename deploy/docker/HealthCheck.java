import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;

/**
 * The container health check of a Retail Hub service image, so that the images need neither curl nor
 * wget (eclipse-temurin's newer images ship neither). {@code GET http://127.0.0.1:<port><path>}:
 * exit 0 on a 2xx answer, 1 otherwise (no answer, timeout, 4xx, 5xx such as a DOWN health).
 * <p>
 * Arguments: {@code PORT_VARIABLE DEFAULT_PORT [PATH]}. The port is the one the service listens on:
 * {@code SERVER_PORT} if set (it overrides the service's yml), else the variable named by the first
 * argument (e.g. {@code SYSTEM_API_PORT}), else the default. The path defaults to
 * {@code /actuator/health}. Compiled in each image's builder stage and run through
 * {@code deploy/docker/healthcheck}, which keeps the JVM small.
 */
public final class HealthCheck {

	private HealthCheck() {
	}

	public static void main(String[] args) {
		if (args.length < 2 || args.length > 3) {
			System.err.println("usage: HealthCheck PORT_VARIABLE DEFAULT_PORT [PATH]");
			System.exit(2);
		}
		String port = firstSet(System.getenv("SERVER_PORT"), System.getenv(args[0]), args[1]);
		String path = args.length == 3 ? args[2] : "/actuator/health";
		String url = "http://127.0.0.1:" + port + path;
		try {
			HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
			connection.setConnectTimeout(2_000);
			connection.setReadTimeout(4_000);
			connection.setInstanceFollowRedirects(false);
			connection.setRequestProperty("Accept", "application/json");
			int status = connection.getResponseCode();
			connection.disconnect();
			if (status >= 200 && status < 300) {
				System.out.println("healthy: " + url + " answered " + status);
				System.exit(0);
			}
			System.out.println("unhealthy: " + url + " answered " + status);
		}
		catch (IOException | IllegalArgumentException ex) {
			System.out.println("unhealthy: " + url + ": " + ex);
		}
		System.exit(1);
	}

	private static String firstSet(String... values) {
		for (String value : values) {
			if (value != null && !value.isBlank()) {
				return value.trim();
			}
		}
		throw new IllegalStateException("no port");
	}

}
