package io.retailhub.web;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The hub's web conventions, for every servlet service that has this module on its classpath.
 * Runs before Spring MVC's auto-configuration (and its error page), so that
 * {@link HubProblemHandling} replaces Boot's own problem-details handler and
 * {@link HubErrorController} Boot's error controller rather than competing with them.
 */
@AutoConfiguration(beforeName = { "org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration",
		"org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration" })
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

	@Bean
	StrictJsonInput strictJsonInput(JsonMapper json) {
		return new StrictJsonInput(json);
	}

	@Bean
	HubErrorController hubErrorController() {
		return new HubErrorController();
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.apache.catalina.startup.Tomcat")
	static class TomcatConfiguration {

		@Bean
		TomcatProblemReporting tomcatProblemReporting(ProblemResponses problems) {
			return new TomcatProblemReporting(problems);
		}

	}
}
