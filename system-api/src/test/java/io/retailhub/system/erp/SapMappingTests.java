package io.retailhub.system.erp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.util.List;

import io.retailhub.contracts.Money;
import io.retailhub.contracts.OrderLine;
import io.retailhub.contracts.OrderStatus;
import io.retailhub.system.erp.SapDocuments.PricingElement;
import io.retailhub.system.erp.SapDocuments.SalesOrder;
import io.retailhub.system.erp.SapDocuments.SalesOrderItem;
import org.junit.jupiter.api.Test;

class SapMappingTests {

	@Test
	void takesTheUnitPriceFromTheActiveListPriceCondition() {
		SalesOrderItem promoted = item("2", "33.98", new PricingElement("10", "1", "PPR0", "18.99", "USD", "1", ""),
				new PricingElement("10", "1", "DM01", "-10.000", "", null, ""));

		OrderLine line = SapMapping.line(promoted, "USD", "PPR0");

		assertThat(line.unitPrice()).isEqualTo(Money.of("18.99", "USD"));
		assertThat(line.netAmount()).isEqualTo(Money.of("33.98", "USD"));
		assertThat(line.quantity()).isEqualTo(2);
	}

	@Test
	void dividesTheConditionRateByItsPricingQuantity() {
		SalesOrderItem perTen = item("10", "25.00", new PricingElement("10", "1", "PPR0", "25.00", "USD", "10", ""));

		assertThat(SapMapping.line(perTen, "USD", "PPR0").unitPrice()).isEqualTo(Money.of("2.50", "USD"));
	}

	@Test
	void fallsBackToNetAmountPerPieceWithoutAnActiveListPrice() {
		SalesOrderItem unpriced = item("3", "10.00", new PricingElement("10", "1", "PPR0", "9.99", "USD", "1", "X"));

		assertThat(SapMapping.line(unpriced, "USD", "PPR0").unitPrice()).isEqualTo(Money.of("3.33", "USD"));
	}

	@Test
	void readsTheOrderStatusFromDeliveryAndRejectionStatuses() {
		assertThat(SapMapping.status(header("A", "A"))).isEqualTo(OrderStatus.OPEN);
		assertThat(SapMapping.status(header("B", "A"))).isEqualTo(OrderStatus.PARTIALLY_SHIPPED);
		assertThat(SapMapping.status(header("C", "A"))).isEqualTo(OrderStatus.SHIPPED);
		assertThat(SapMapping.status(header("", ""))).isEqualTo(OrderStatus.OPEN);
		assertThat(SapMapping.status(header("A", "C"))).isEqualTo(OrderStatus.CANCELLED);
	}

	@Test
	void refusesADistributionChannelTheHubDoesNotKnow() {
		assertThatIllegalStateException().isThrownBy(() -> SapMapping.channel("99"));
	}

	@Test
	void turnsAnUnreadableDocumentIntoABackendFaultNotABadRequest() {
		assertThatIllegalStateException().isThrownBy(() -> SapMapping.readable(() -> Money.of("1.00", "XYZ")));
	}

	private static SalesOrderItem item(String quantity, String netAmount, PricingElement... prices) {
		return new SalesOrderItem("10", "MAT-1001", "Linen Shirt", quantity, netAmount, "USD",
				new OData.Navigation<>(List.of(prices)));
	}

	private static SalesOrder header(String deliveryStatus, String rejectionStatus) {
		return new SalesOrder("5000001", "1710", "10", "00", "17100001", "WEB-1", "/Date(0)/", null, "1.00", "USD",
				deliveryStatus, rejectionStatus, null);
	}
}
