package io.retailhub.web;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The hub's web conventions, for every servlet service that has this module on its classpath.
 * Runs before Spring MVC's auto-configuration so that {@link HubProblemHandling} replaces Boot's
 * own problem-details handler rather than competing with it.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration")
@ConditionalOnWebApplication(type = Type.SERVLET)
@EnableConfigurationProperties(WebSettings.class)
public class HubWebAutoConfiguration {

	@Bean
	CorrelationIdFilter correlationIdFilter() {
		return new CorrelationIdFilter();
	}

	@Bean
	ProblemResponses problemResponses(JsonMapper json) {
		return new ProblemResponses(json);
	}

	@Bean
	RequestSizeLimitFilter requestSizeLimitFilter(WebSettings settings, ProblemResponses problems) {
		return new RequestSizeLimitFilter(settings, problems);
	}

	@Bean
	HubProblemHandling hubProblemHandling() {
		return new HubProblemHandling();
	}
}
