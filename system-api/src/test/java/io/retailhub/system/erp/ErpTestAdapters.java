package io.retailhub.system.erp;

import java.time.Clock;

import io.retailhub.system.backend.BackendCalls;
import io.retailhub.system.backend.BackendRestClients;

import org.springframework.context.ApplicationContext;

/**
 * ERP adapters of their own, beside the application's: one that has read nothing yet (remembers
 * no order numbers, no invoice items), or one of a tenant whose documents reference something
 * else than the application's settings say.
 */
final class ErpTestAdapters {

	private ErpTestAdapters() {
	}

	static SapErpAdapter fresh(ApplicationContext context) {
		return adapter(context, context.getBean(ErpSettings.class));
	}

	static SapErpAdapter referencing(ApplicationContext context, ErpSettings.ReturnReference reference) {
		ErpSettings settings = context.getBean(ErpSettings.class);
		return adapter(context,
				new ErpSettings(settings.baseUrl(), settings.username(), settings.password(), settings.connectTimeout(),
						settings.readTimeout(), settings.plants(), settings.atpCheckingRule(),
						settings.priceConditionType(), settings.customerReturnType(), settings.creditMemoRequestType(),
						settings.creditMemoReason(), settings.orderNumberCacheSize(), reference,
						settings.creditAmountConditionType(), settings.returnReasonCodes(),
						settings.returnOrderReasons()));
	}

	private static SapErpAdapter adapter(ApplicationContext context, ErpSettings settings) {
		return new SapErpAdapter(settings, context.getBean(BackendRestClients.class), context.getBean(BackendCalls.class),
				context.getBean(Clock.class));
	}
}
