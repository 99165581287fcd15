package io.retailhub.sandbox.backends.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

class SearchQueryTests {

	final PaymentIntent intent = new PaymentIntent("pi_1", 1000, "usd", "succeeded", "ch_1", "cus_1",
			Map.of("order_id", "WEB-1'2"), 1_700_000_000L, "Order WEB-1'2");

	@Test
	void matchesMetadataClausesWithEitherQuoteAndEscapedQuotes() {
		assertThat(SearchQuery.parse("metadata['order_id']:'WEB-1\\'2'").test(intent)).isTrue();
		assertThat(SearchQuery.parse("metadata[\"order_id\"]:\"WEB-1'2\"").test(intent)).isTrue();
		assertThat(SearchQuery.parse("metadata['order_id']:'WEB-12'").test(intent)).isFalse();
		assertThat(SearchQuery.parse("metadata['other']:'WEB-1\\'2'").test(intent)).isFalse();
	}

	@Test
	void joinsClausesWithAnd() {
		assertThat(SearchQuery.parse("status:'succeeded' AND currency:'usd' AND customer:'cus_1'").test(intent)).isTrue();
		assertThat(SearchQuery.parse("metadata['order_id']:'WEB-1\\'2' AND status:'canceled'").test(intent)).isFalse();
	}

	@Test
	void refusesWhatItDoesNotUnderstand() {
		for (String query : new String[] { "", "amount>1000", "status:succeeded", "metadata['order_id']:'x' OR status:'y'",
				"metadata['order_id']:'open", "description~'Order'" }) {
			assertThatThrownBy(() -> SearchQuery.parse(query)).as(query)
				.isInstanceOfSatisfying(StripeException.class, ex -> assertThat(ex.status()).isEqualTo(400));
		}
	}
}
