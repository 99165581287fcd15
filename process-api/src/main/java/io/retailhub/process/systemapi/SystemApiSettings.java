package io.retailhub.process.systemapi;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the system API runs and how long process-api waits for it. A read timeout on a write is
 * ambiguous (the write may have happened), so it is kept well above the system API's own
 * backend timeouts: the system API answers 503 itself when a backend is slow.
 *
 * @param baseUrl the system API's root, without {@code /api/system/v1}
 * @param connectTimeout how long to wait for a connection
 * @param readTimeout how long to wait for an answer
 */
@ConfigurationProperties("retailhub.system-api")
public record SystemApiSettings(@DefaultValue("http://localhost:8081") URI baseUrl,
		@DefaultValue("1s") Duration connectTimeout, @DefaultValue("10s") Duration readTimeout) {
}
