package io.retailhub.sandbox.backends.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import io.retailhub.sandbox.backends.crm.SoqlQuery.All;
import io.retailhub.sandbox.backends.crm.SoqlQuery.Any;
import io.retailhub.sandbox.backends.crm.SoqlQuery.Comparison;
import io.retailhub.sandbox.backends.crm.SoqlQuery.LiteralKind;
import io.retailhub.sandbox.backends.crm.SoqlQuery.Operator;
import io.retailhub.sandbox.backends.crm.SoqlQuery.Selected;
import org.junit.jupiter.api.Test;

class SoqlParserTests {

	@Test
	void parsesSelectWhereOrderByLimitAndOffset() {
		SoqlQuery query = SoqlParser.parse("select Id, Contact.Email from Case where Status = 'New' and "
				+ "IsClosed = false order by CreatedDate desc, CaseNumber limit 10 offset 5");

		assertThat(query.object()).isEqualTo("Case");
		assertThat(query.fields()).extracting(Selected::path).containsExactly("Id", "Contact.Email");
		assertThat(query.where()).isInstanceOf(All.class);
		List<SoqlQuery.Condition> terms = ((All) query.where()).conditions();
		assertThat(terms).hasSize(2);
		Comparison isClosed = (Comparison) terms.get(1);
		assertThat(isClosed.operator()).isEqualTo(Operator.EQUALS);
		assertThat(isClosed.values().get(0).kind()).isEqualTo(LiteralKind.BOOLEAN);
		assertThat(query.orderBy()).hasSize(2);
		assertThat(query.orderBy().get(0).descending()).isTrue();
		assertThat(query.orderBy().get(0).nullsLast()).isTrue();
		assertThat(query.orderBy().get(1).descending()).isFalse();
		assertThat(query.limit()).isEqualTo(10);
		assertThat(query.offset()).isEqualTo(5);
	}

	@Test
	void parsesParenthesesInListsAndEscapedQuotes() {
		SoqlQuery query = SoqlParser.parse(
				"SELECT Id FROM Contact WHERE (LastName = 'O\\'Brien' OR Email LIKE 'a%') AND Phone IN ('+1', '+2')");

		All all = (All) query.where();
		Any any = (Any) all.conditions().get(0);
		assertThat(((Comparison) any.conditions().get(0)).values().get(0).text()).isEqualTo("O'Brien");
		Comparison in = (Comparison) all.conditions().get(1);
		assertThat(in.operator()).isEqualTo(Operator.IN);
		assertThat(in.values()).hasSize(2);
	}

	@Test
	void refusesToMixAndWithOrWithoutParentheses() {
		assertThatThrownBy(() -> SoqlParser.parse("SELECT Id FROM Case WHERE Status = 'New' AND Priority = 'High' "
				+ "OR Origin = 'Web'"))
			.isInstanceOfSatisfying(SalesforceException.class, ex -> {
				assertThat(ex.errors().get(0).errorCode()).isEqualTo("MALFORMED_QUERY");
				assertThat(ex.errors().get(0).message()).contains("unexpected token: OR");
			});
	}

	@Test
	void answersMalformedQueryForWhatItDoesNotParse() {
		for (String soql : List.of("SELECT COUNT() FROM Case", "SELECT Id FROM Case GROUP BY Status",
				"SELECT Id FROM", "SELECT Id FROM Case WHERE Subject = 'open", "DELETE FROM Case", "",
				"SELECT Id FROM Case LIMIT ten")) {
			assertThatThrownBy(() -> SoqlParser.parse(soql)).as(soql)
				.isInstanceOfSatisfying(SalesforceException.class,
						ex -> assertThat(ex.errors().get(0).errorCode()).isEqualTo("MALFORMED_QUERY"));
		}
	}

	@Test
	void pointsAtTheOffendingTokenLikeSalesforce() {
		assertThatThrownBy(() -> SoqlParser.parse("SELECT Id FRM Case"))
			.isInstanceOfSatisfying(SalesforceException.class, ex -> assertThat(ex.errors().get(0).message())
				.isEqualTo("\nSELECT Id FRM Case\n          ^\nERROR at Row:1:Column:11\nunexpected token: FRM"));
	}
}
