package io.retailhub.sandbox.backends.erp;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.retailhub.sandbox.backends.erp.ODataValues.DateTime;

import org.springframework.stereotype.Component;

/**
 * {@code API_PRODUCT_AVAILY_INFO_BASIC}: the ATP function imports. The sandbox has no planned
 * receipts, so the time series is a single period from today to 9999-12-31, and a quantity that
 * is not available now is never available ({@code PeriodStartUTCDateTime} 9999-12-31).
 */
@Component
class ProductAvailabilityService implements ODataService {

	/** The checking rule the sandbox is customized for (sales order). */
	static final String CHECKING_RULE = "A";

	private static final String RECORD_TYPE = ErpModel.PRODUCT_AVAILABILITY_SRV + "."
			+ ErpModel.AVAILABILITY_RECORD.name();

	private final ProductAvailability availability;

	private final Clock clock;

	ProductAvailabilityService(ProductAvailability availability, Clock clock) {
		this.availability = availability;
		this.clock = clock;
	}

	@Override
	public Edm.Service model() {
		return ErpModel.service(ErpModel.PRODUCT_AVAILABILITY_SRV).orElseThrow();
	}

	@Override
	public List<ODataEntity> entities(String entitySet) {
		return List.of();
	}

	@Override
	public Object invoke(Edm.FunctionImport function, Map<String, String> parameters) {
		String rule = parameters.get("ATPCheckingRule");
		if (!CHECKING_RULE.equals(rule)) {
			throw ODataException.invalid("ATP_CHECK/002", "ATP checking rule " + rule + " is not defined",
					"ATPCheckingRule");
		}
		int available = availability.available(parameters.get("Material"), parameters.get("SupplyingPlant"));
		Instant today = DateTime.dateOf(clock.instant()).value();
		if (function.name().equals("CalculateAvailabilityTimeseries")) {
			return ODataWriter.complexCollection(RECORD_TYPE, List.of(record(today, BigDecimal.valueOf(available))));
		}
		BigDecimal requested = new BigDecimal(parameters.get("RequestedQuantityInBaseUnit"));
		boolean enough = requested.compareTo(BigDecimal.valueOf(available)) <= 0;
		return ODataWriter.complex(function.name(), RECORD_TYPE, record(enough ? today : ODataValues.END_OF_TIME,
				enough ? requested : BigDecimal.valueOf(available)));
	}

	private static Map<String, Object> record(Instant from, BigDecimal quantity) {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("PeriodStartUTCDateTime", new DateTime(from));
		values.put("PeriodStartTimeZone", "UTC");
		values.put("PeriodEndUTCDateTime", new DateTime(ODataValues.END_OF_TIME));
		values.put("PeriodEndTimeZone", "UTC");
		values.put("AvailableQuantityInBaseUnit", quantity.setScale(3));
		values.put("BaseUnit", "PC");
		return values;
	}
}
