package io.retailhub.sandbox.backends.data;

import java.time.Clock;
import java.time.temporal.ChronoUnit;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class DemoDataConfiguration {

	@Bean
	DemoData demoData(DemoDataSettings settings, Clock clock) {
		return DemoData.generate(settings.seed(),
				settings.anchor() != null ? settings.anchor() : clock.instant().truncatedTo(ChronoUnit.DAYS),
				settings.customers(), settings.orders());
	}
}
