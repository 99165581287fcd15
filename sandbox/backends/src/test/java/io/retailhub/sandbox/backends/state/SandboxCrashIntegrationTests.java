package io.retailhub.sandbox.backends.state;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import io.retailhub.sandbox.backends.data.DemoData;
import io.retailhub.sandbox.backends.data.DemoOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sandbox killed hard (SIGKILL) after it answered writes that no snapshot holds: what it
 * created is lost, but none of the numbers it handed out is handed out again after the restart,
 * because each was reserved on disk before it was answered.
 */
class SandboxCrashIntegrationTests {

	@Test
	void handsOutNoNumberTwiceAfterItWasKilledBeforeItsNextSnapshot(@TempDir Path directory) throws Exception {
		// given a sandbox in a JVM of its own that writes its state only at start (and at a stop it never gets),
		// reserving two numbers of a range at a time
		CrashingSandbox crashing = CrashingSandbox.start(directory, "sandbox.state.snapshot-interval=1h",
				"sandbox.state.number-block=2");
		SandboxClient client = new SandboxClient(crashing.port());
		DemoData data = DemoData.generate(DemoData.DEFAULT_SEED,
				Instant.parse(client.state().path("world").path("anchor").asString()), 300, 3000);
		// which answered for three documents of each kind
		Map<String, Set<String>> before = new HashMap<>();
		for (int i = 1; i <= 3; i++) {
			createOneOfEach(client, data, "before-" + i).forEach((kind, number) -> add(before, kind, number));
		}
		assertThat(client.state().path("unsavedChanges").asBoolean()).isTrue();

		// when it is killed and started again on the same directory
		crashing.kill();
		try (RunningSandbox restarted = RunningSandbox.start(directory, Clock.systemUTC())) {
			SandboxClient again = restarted.client();

			// then what it created is gone: no snapshot held it
			for (String rma : before.get("customer return")) {
				assertThat(again.customerReturn(rma).status()).isEqualTo(404);
			}
			// and the documents created now get numbers of their own
			Map<String, Set<String>> after = new HashMap<>();
			for (int i = 1; i <= 3; i++) {
				createOneOfEach(again, data, "after-" + i).forEach((kind, number) -> add(after, kind, number));
			}
			assertThat(after.keySet()).isEqualTo(before.keySet());
			after.forEach((kind, numbers) -> assertThat(numbers).as(kind).hasSize(3).doesNotContainAnyElementsOf(
					before.get(kind)));
		}
	}

	/** A document of each kind whose number the sandbox chooses, by kind. */
	private static Map<String, String> createOneOfEach(SandboxClient client, DemoData data, String name) {
		DemoOrder order = RunningSandbox.untouchedDeliveredOrder(data);
		String rma = client.createCustomerReturn(order, 1);
		String caseId = client.upsertCase("CRASH-" + name, data.customer(order.customerNumber()).contactId())
			.expect(201)
			.json()
			.path("id")
			.asString();
		return Map.of("customer return", rma, "credit memo request", client.createCreditMemoRequest(order, 1),
				"sales order",
				client.placeSalesOrder("WEB-CRASH-" + name).expect(201).json().path("salesOrder").asString(),
				"case ID", caseId, "case number",
				client.crm("GET", "/sobjects/Case/" + caseId, null).expect(200).json().path("CaseNumber").asString(),
				"case comment ID", client.comment(caseId, "Parcel expected"), "return receipt",
				client.receive(rma).expect(201).json().path("receipt_id").asString());
	}

	private static void add(Map<String, Set<String>> numbers, String kind, String number) {
		numbers.computeIfAbsent(kind, k -> new HashSet<>()).add(number);
	}
}
