package io.retailhub.system.support;

import java.util.LinkedHashMap;
import java.util.Map;

import io.retailhub.sandbox.identity.SharedIdentity;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/** Makes the system API under test trust the JVM's shared sandbox authorization server. */
class SharedIdentityProperties implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		Map<String, Object> properties = new LinkedHashMap<>(SharedIdentity.serviceProperties());
		context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("shared-identity", properties));
	}
}
