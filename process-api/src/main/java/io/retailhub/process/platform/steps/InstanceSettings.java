package io.retailhub.process.platform.steps;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who this process-api instance is to the other instances.
 *
 * @param instanceId the lease owner name of this instance's step worker; blank for the host name
 * plus a random suffix
 */
@ConfigurationProperties("retailhub.workflow")
record InstanceSettings(String instanceId) {
}
