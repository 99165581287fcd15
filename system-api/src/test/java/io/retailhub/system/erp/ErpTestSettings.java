package io.retailhub.system.erp;

/** The application's ERP settings, but for what the tenant's documents reference. */
final class ErpTestSettings {

	private ErpTestSettings() {
	}

	static ErpSettings referencing(ErpSettings settings, ErpSettings.ReturnReference reference) {
		return new ErpSettings(settings.baseUrl(), settings.username(), settings.password(), settings.connectTimeout(),
				settings.readTimeout(), settings.plants(), settings.atpCheckingRule(), settings.priceConditionType(),
				settings.customerReturnType(), settings.creditMemoRequestType(), settings.creditMemoReason(),
				settings.orderNumberCacheSize(), reference, settings.creditAmountConditionType(),
				settings.returnReasonCodes(), settings.returnOrderReasons());
	}
}
