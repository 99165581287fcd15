package io.retailhub.process.platform.steps;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.UUID;

import io.retailhub.process.platform.internal.StoredTraces;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** This instance's step worker, running every {@link StepHandler} bean. */
@Configuration(proxyBeanMethods = false)
class StepConfiguration {

	@Bean
	StepWorker stepWorker(InstanceSettings instance, StepStore store, ObjectProvider<StepHandler> handlers,
			StepCompleter completer, StepMetrics metrics, StepWakeUps wakeUps, StepSettings settings,
			StoredTraces traces) {
		return new StepWorker(instanceIdOrDefault(instance.instanceId()), store,
				new StepHandlers(handlers.orderedStream().toList()), completer, metrics, wakeUps, settings, traces);
	}

	/**
	 * The lease owner name: configured, or the host name plus a random suffix, so two instances on
	 * one host (or one instance restarted before its old leases expired) are told apart.
	 */
	static String instanceIdOrDefault(String configured) {
		if (configured != null && !configured.isBlank()) {
			return configured.strip();
		}
		String host;
		try {
			host = InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			host = "process-api";
		}
		return host + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

}
