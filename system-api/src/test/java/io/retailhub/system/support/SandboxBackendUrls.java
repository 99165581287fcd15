package io.retailhub.system.support;

import java.util.LinkedHashMap;
import java.util.Map;

import io.retailhub.sandbox.backends.faults.Backend;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/** Points every adapter of the system API under test at the in-process sandbox. */
class SandboxBackendUrls implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		Map<String, Object> urls = new LinkedHashMap<>();
		for (Backend backend : Backend.values()) {
			urls.put("retailhub.backends." + backend.id() + ".base-url", Sandbox.baseUrl(backend));
		}
		context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("sandbox-backend-urls", urls));
	}
}
