package io.retailhub.sandbox.backends.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import io.retailhub.sandbox.backends.SandboxBackendsApplication;
import io.retailhub.sandbox.backends.SandboxCredentials;
import io.retailhub.sandbox.backends.data.DemoData;
import io.retailhub.sandbox.backends.data.DemoOrder;
import io.retailhub.sandbox.backends.erp.ErpEffects;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/**
 * The WMS and ERP agreeing on what may arrive: a parcel is posted to ERP as the return's goods
 * receipt, and an RMA whose items ERP rejected (the return was canceled or expired) takes no
 * parcel, neither on demand nor automatically.
 */
@SpringBootTest(classes = SandboxBackendsApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.config.name=" + SandboxBackendsApplication.CONFIG_NAME, "spring.main.banner-mode=off",
				"sandbox.warehouse.webhooks.retry.initial-backoff=100ms",
				"sandbox.warehouse.webhooks.retry.max-backoff=400ms", "sandbox.warehouse.webhooks.retry.max-age=3s",
				"sandbox.warehouse.webhooks.timeout=5s", "sandbox.warehouse.auto-receive-poll-interval=100ms" })
class RejectedReturnReceivingIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	DemoData data;

	@Autowired
	SandboxCredentials credentials;

	@Autowired
	ErpEffects effects;

	final JsonMapper json = JsonMapper.shared();

	RestClient sandbox;

	ErpCustomerReturns erp;

	@BeforeEach
	void connect() {
		sandbox = WarehouseTestApi.client(port, credentials);
		erp = new ErpCustomerReturns(port, credentials, data);
	}

	@AfterEach
	void autoReceiveOff() {
		autoReceiveAfter("0s");
	}

	@Test
	void refusesAParcelForAnRmaErpRejected() {
		// given an RMA the hub canceled in ERP
		DemoOrder order = erp.untouchedDeliveredOrder(1);
		String rma = erp.create(order, Map.of("10", 1));
		erp.reject(rma);
		long postedBefore = effects.count(ErpEffects.RETURN_GOODS_RECEIPTS_POSTED);

		// when the parcel arrives anyway
		ResponseEntity<String> received = receive(rma);

		// then the warehouse refuses it and says why, records nothing and posts nothing to ERP
		assertThat(received.getStatusCode().value()).isEqualTo(409);
		JsonNode problem = json.readTree(received.getBody());
		assertThat(problem.path("code").asString()).isEqualTo("rma_rejected");
		assertThat(problem.path("detail").asString()).contains(rma).contains("rejected in ERP");
		assertThat(receipts(rma)).isEmpty();
		assertThat(effects.count(ErpEffects.RETURN_GOODS_RECEIPTS_POSTED)).isEqualTo(postedBefore);
	}

	@Test
	void postsTheGoodsReceiptToErpSoTheItemCanNoLongerBeRejected() {
		// given an RMA that was received
		DemoOrder order = erp.untouchedDeliveredOrder(1);
		String rma = erp.create(order, Map.of("10", 1));
		assertThat(receive(rma).getStatusCode().value()).isEqualTo(201);

		// then ERP shows its item received
		JsonNode item = erp.read(rma).path("to_Item").path("results").get(0);
		assertThat(item.path("ReturnsMaterialHasBeenReceived").asString()).isEqualTo("X");

		// and refuses to reject it
		assertThatThrownBy(() -> erp.reject(rma)).hasMessageContaining("400");
		assertThat(erp.read(rma).path("OverallSDDocumentRejectionSts").asString()).isEqualTo("A");
	}

	@Test
	void skipsAnRmaErpRejectedWhenReceivingAutomatically() {
		// given auto-receive on, and two new RMAs of which the first is canceled at once
		autoReceiveAfter("500ms");
		String canceled = erp.create(erp.untouchedDeliveredOrder(1), Map.of("10", 1));
		erp.reject(canceled);
		String kept = erp.create(erp.untouchedDeliveredOrder(1), Map.of("10", 1));

		// when the other one is received automatically
		await().atMost(Duration.ofSeconds(10)).until(() -> !receipts(kept).isEmpty());

		// then the canceled one was left alone, and stays so
		await().during(Duration.ofMillis(700)).atMost(Duration.ofSeconds(3)).until(() -> receipts(canceled).isEmpty());
	}

	private void autoReceiveAfter(String after) {
		WarehouseTestApi.autoReceiveAfter(sandbox, after);
	}

	private ResponseEntity<String> receive(String rma) {
		return sandbox.post().uri("/admin/warehouse/rmas/{rma}/receive", rma).retrieve().toEntity(String.class);
	}

	private JsonNode receipts(String rma) {
		return WarehouseTestApi.receipts(sandbox, rma);
	}
}
