package io.retailhub.web.testapp;

import java.io.IOException;
import java.util.List;

import io.retailhub.contracts.Identifier;
import io.retailhub.contracts.Identifiers;
import io.retailhub.contracts.Money;
import io.retailhub.contracts.OrderId;
import io.retailhub.contracts.ReturnReason;
import io.retailhub.contracts.problems.Headers;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A service with nothing but hub-web's conventions, as a new service would start: what it answers
 * to bad input, Tomcat's refusals and failures is what every hub service inherits.
 */
@SpringBootApplication
public class HubWebTestApplication {

	/** A body with one member of each kind the hub reads: texts, a typed ID, numbers, flags, money, an enum. */
	public record ThingRequest(@NotBlank @Size(max = 35) @Identifier String reference, @NotNull OrderId orderId,
			@Size(max = 500) String note, @Positive int quantity, boolean published, @NotNull Money amount,
			ReturnReason reason, @Size(max = 10) List<@Valid @NotNull Line> lines) {

		public record Line(@NotBlank @Identifier String lineNumber, @Positive int quantity, Money amount) {
		}
	}

	@RestController
	static class ThingController {

		@PostMapping("/things")
		ThingRequest create(@Valid @RequestBody ThingRequest thing) {
			return thing;
		}

		/** A constrained header beside a validated body: Spring validates both as method parameters. */
		@PostMapping("/keyed-things")
		ThingRequest createKeyed(
				@RequestHeader(Headers.IDEMPOTENCY_KEY) @Size(max = Identifiers.MAX_KEY_LENGTH) @Identifier String key,
				@Valid @RequestBody ThingRequest thing) {
			return thing;
		}

		@GetMapping("/things/{orderId}")
		String thing(@PathVariable OrderId orderId) {
			return orderId.value();
		}

		@GetMapping("/failures/exception")
		String exception() {
			throw new IllegalStateException("a bug");
		}

		/** A status set the servlet way: the container renders its error page. */
		@GetMapping("/failures/send-error")
		void sendError(HttpServletResponse response) throws IOException {
			response.sendError(HttpServletResponse.SC_CONFLICT);
		}
	}

	/**
	 * Parameters checked by a method-validation proxy ({@code @Validated} on the class) rather than by
	 * Spring MVC: a violation reaches the error handling as a {@code ConstraintViolationException}.
	 */
	@RestController
	@Validated
	static class ProxyValidatedController {

		@GetMapping("/proxied-things")
		int count(@RequestParam(defaultValue = "1") @Min(1) @Max(200) int size) {
			return size;
		}
	}

	/** A filter that fails: nothing of Spring MVC's error handling sees it, only the servlet container. */
	@Bean
	FilterRegistrationBean<Filter> failingFilter() {
		FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>((request, response, chain) -> {
			throw new IllegalStateException("a filter bug");
		});
		registration.addUrlPatterns("/failures/filter");
		return registration;
	}
}
