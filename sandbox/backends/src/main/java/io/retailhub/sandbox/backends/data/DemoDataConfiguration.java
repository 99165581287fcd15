package io.retailhub.sandbox.backends.data;

import java.time.Clock;
import java.time.temporal.ChronoUnit;

import io.retailhub.sandbox.backends.state.SandboxState;
import io.retailhub.sandbox.backends.state.World;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class DemoDataConfiguration {

	/**
	 * The demo world: dated from the start of today unless an anchor is configured or, with a
	 * state directory, a snapshot was saved there, whose world is seeded again as it was.
	 */
	@Bean
	DemoData demoData(DemoDataSettings settings, Clock clock, SandboxState state) {
		World world = state.world(settings.seed(), settings.customers(), settings.orders(), settings.anchor(),
				clock.instant().truncatedTo(ChronoUnit.DAYS));
		return DemoData.generate(world.seed(), world.anchor(), world.customers(), world.orders());
	}
}
