package io.retailhub.experience.downstream;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the layers below run and how long experience-api waits for them. Panels have budgets of
 * their own (shorter); the read timeout bounds the calls of actions (a return started, canceled).
 *
 * @param systemApi the system API
 * @param processApi the process API
 */
@ConfigurationProperties("retailhub")
public record DownstreamSettings(@DefaultValue Service systemApi, @DefaultValue Service processApi) {

	/**
	 * @param baseUrl the service's root, without its {@code /api/...} path
	 * @param connectTimeout how long to wait for a connection
	 * @param readTimeout how long to wait for an answer
	 */
	public record Service(@DefaultValue("http://localhost:8081") URI baseUrl,
			@DefaultValue("1s") Duration connectTimeout, @DefaultValue("10s") Duration readTimeout) {
	}
}
