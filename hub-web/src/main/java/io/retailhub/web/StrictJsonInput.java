package io.retailhub.web;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.function.Consumer;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.retailhub.contracts.Money;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.cfg.MutableCoercionConfig;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

import org.springframework.boot.http.converter.autoconfigure.ServerHttpMessageConvertersCustomizer;
import org.springframework.core.Ordered;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;

/**
 * How every hub service reads a JSON request body: exactly as written, or not at all. A body is
 * refused (400, the field named, by {@link HubProblemHandling}) when it
 * <ul>
 * <li>names a member twice ({@code {"orderId":"X","orderId":"Y"}}: no "last one wins");</li>
 * <li>has a member the target does not know, Money's included;</li>
 * <li>gives a number or a boolean where text belongs, text where a number or a boolean belongs,
 * a fraction where a whole number belongs ({@code 1.5} is not a quantity, nor is {@code 1.0}), a
 * number for an enum, or null for a primitive;</li>
 * <li>gives an amount with more decimals than its currency has ({@link Money#exact}: 1.00001 USD
 * is refused, not rounded);</li>
 * <li>goes on after its value.</li>
 * </ul>
 * Only the server's JSON converter reads this way: the application's {@link JsonMapper} (Kafka
 * payloads, the outbox, backend answers through HTTP clients) keeps its own, tolerant settings, so
 * events from other producers and vendors' answers still read as before.
 */
class StrictJsonInput implements ServerHttpMessageConvertersCustomizer, Ordered {

	private final JsonMapper strict;

	StrictJsonInput(JsonMapper application) {
		this.strict = strict(application);
	}

	/** The application's mapper (modules, naming, dates) with the strict reading above. */
	static JsonMapper strict(JsonMapper application) {
		return application.rebuild()
			.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
			.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
					DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
			.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
			.enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
			.withCoercionConfig(LogicalType.Textual,
					refuse(CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.Boolean))
			.withCoercionConfig(LogicalType.Integer, refuse(CoercionInputShape.Float, CoercionInputShape.String,
					CoercionInputShape.EmptyString, CoercionInputShape.Boolean))
			.withCoercionConfig(LogicalType.Float,
					refuse(CoercionInputShape.String, CoercionInputShape.EmptyString, CoercionInputShape.Boolean))
			.withCoercionConfig(LogicalType.Boolean, refuse(CoercionInputShape.Integer, CoercionInputShape.Float,
					CoercionInputShape.String, CoercionInputShape.EmptyString))
			.addMixIn(Money.class, ExactMoney.class)
			.build();
	}

	private static Consumer<MutableCoercionConfig> refuse(CoercionInputShape... shapes) {
		return config -> {
			for (CoercionInputShape shape : shapes) {
				config.setCoercion(shape, CoercionAction.Fail);
			}
		};
	}

	@Override
	public void customize(HttpMessageConverters.ServerBuilder builder) {
		builder.withJsonConverter(new JacksonJsonHttpMessageConverter(this.strict));
	}

	/** After Boot's own Jackson customizer, whose converter this one replaces. */
	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

	/**
	 * Money as callers send it: exactly its two members (the record itself tolerates more, for
	 * events), built by {@link Money#exact}.
	 */
	@JsonIgnoreProperties(ignoreUnknown = false)
	abstract static class ExactMoney {

		@JsonCreator
		static Money exact(@JsonProperty("amount") BigDecimal amount, @JsonProperty("currency") Currency currency) {
			return Money.exact(amount, currency);
		}

	}

}
