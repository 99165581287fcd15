package io.retailhub.sandbox.backends.erp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

class ODataFilterTests {

	private static final ODataEntity ORDER = order("5000001", "WEB-100001", "17100001", "59.90",
			Instant.parse("2026-11-17T00:00:00Z"));

	@Test
	void matchesStringEqualityCombinedWithAnd() {
		Predicate<ODataEntity> filter = ODataFilter
			.parse("SoldToParty eq '17100001' and PurchaseOrderByCustomer eq 'WEB-100001'", ErpModel.SALES_ORDER);

		assertThat(filter.test(ORDER)).isTrue();
		assertThat(ODataFilter.parse("SoldToParty eq '17100001' and PurchaseOrderByCustomer eq 'WEB-100002'",
				ErpModel.SALES_ORDER)
			.test(ORDER)).isFalse();
	}

	@Test
	void honoursOrNotAndParentheses() {
		assertThat(ODataFilter.parse("(SalesOrder eq '1' or SalesOrder eq '5000001') and not SoldToParty eq 'x'",
				ErpModel.SALES_ORDER)
			.test(ORDER)).isTrue();
	}

	@Test
	void readsDoubledQuotesInsideStringLiterals() {
		ODataEntity quoted = order("5000009", "O'BRIEN (1)", "17100001", "1.00", Instant.EPOCH);

		assertThat(ODataFilter.parse("PurchaseOrderByCustomer eq 'O''BRIEN (1)'", ErpModel.SALES_ORDER).test(quoted))
			.isTrue();
	}

	@Test
	void comparesTypedDateTimeAndDecimalLiterals() {
		assertThat(ODataFilter.parse("SalesOrderDate ge datetime'2026-11-17T00:00:00'", ErpModel.SALES_ORDER)
			.test(ORDER)).isTrue();
		assertThat(ODataFilter.parse("SalesOrderDate gt datetime'2026-11-17T00:00:00'", ErpModel.SALES_ORDER)
			.test(ORDER)).isFalse();
		assertThat(ODataFilter.parse("TotalNetAmount gt 59.89M", ErpModel.SALES_ORDER).test(ORDER)).isTrue();
	}

	@Test
	void refusesUnknownPropertiesFunctionsAndMistypedLiterals() {
		assertThatExceptionOfType(ODataException.class)
			.isThrownBy(() -> ODataFilter.parse("Nope eq '1'", ErpModel.SALES_ORDER))
			.satisfies(ex -> assertThat(ex.status()).isEqualTo(400));
		assertThatExceptionOfType(ODataException.class)
			.isThrownBy(() -> ODataFilter.parse("substringof('WEB',PurchaseOrderByCustomer)", ErpModel.SALES_ORDER));
		assertThatExceptionOfType(ODataException.class)
			.isThrownBy(() -> ODataFilter.parse("SoldToParty eq 17100001", ErpModel.SALES_ORDER));
		assertThatExceptionOfType(ODataException.class)
			.isThrownBy(() -> ODataFilter.parse("SoldToParty eq '1", ErpModel.SALES_ORDER));
	}

	private static ODataEntity order(String salesOrder, String purchaseOrder, String soldTo, String total,
			Instant placedAt) {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("SalesOrder", salesOrder);
		values.put("SoldToParty", soldTo);
		values.put("PurchaseOrderByCustomer", purchaseOrder);
		values.put("SalesOrderDate", ODataValues.DateTime.dateOf(placedAt));
		values.put("TotalNetAmount", new BigDecimal(total));
		return new ODataEntity(ErpModel.SALES_ORDER, values, Map.of());
	}
}
