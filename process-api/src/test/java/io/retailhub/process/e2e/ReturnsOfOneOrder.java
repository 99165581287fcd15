package io.retailhub.process.e2e;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import io.retailhub.contracts.ReturnDeclineReason;
import io.retailhub.sandbox.backends.data.DemoOrder;
import io.retailhub.sandbox.backends.data.DemoOrderLine;
import io.retailhub.sandbox.backends.faults.Backend;
import tools.jackson.databind.JsonNode;

import org.springframework.http.ResponseEntity;

import static io.retailhub.process.e2e.ProcessApi.line;
import static io.retailhub.process.e2e.ProcessApi.newKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Several returns of one order line judged at the same moment: together they ask for more units
 * than were delivered, each alone for fewer. They are requested while ERP holds the judgements'
 * reads, and a {@link JudgementBarrier} stops every judgement after it decided and before it
 * commits, until all of them are there. The order's lock must make them decide one after another.
 */
public final class ReturnsOfOneOrder {

	private static final Duration PATIENCE = Duration.ofSeconds(60);

	/** How the returns were judged. */
	public record Judged(DemoOrderLine line, int unitsPerReturn, List<JsonNode> returns) {

		/** The returns judged eligible. */
		public List<JsonNode> eligible() {
			return returns.stream().filter(r -> !r.path("status").asString().equals("DECLINED")).toList();
		}

		/**
		 * Never more units taken back than were delivered; as many returns eligible as fit, the first
		 * ones judged; every other one declined for the quantity, with how many are left.
		 */
		public void assertNeverMoreThanDelivered() {
			int fit = line.quantity() / unitsPerReturn;
			assertThat(eligible().size() * unitsPerReturn).as("units taken back of %s delivered: %s", line.quantity(),
					returns)
				.isLessThanOrEqualTo(line.quantity());
			assertThat(eligible()).as("%s", returns).hasSize(fit);
			assertThat(returns).filteredOn(r -> r.path("status").asString().equals("DECLINED"))
				.hasSize(returns.size() - fit)
				.allSatisfy(r -> assertThat(r.path("declines")).singleElement()
					.satisfies(d -> assertThat(d.path("reason").asString())
						.isEqualTo(ReturnDeclineReason.QUANTITY_EXCEEDED.name())));
		}
	}

	private ReturnsOfOneOrder() {
	}

	/**
	 * Requests {@code count} returns of the order's largest line through the APIs in turn (more
	 * units together than it has, at least one fitting), and lets their judgements go on only once
	 * {@code count} are stopped at once at the barrier in {@code database}.
	 */
	public static Judged judgedAtOnce(DemoOrder order, List<ProcessApi> apis, int count, DataSource database) {
		DemoOrderLine line = order.lines().stream().max(Comparator.comparingInt(DemoOrderLine::quantity)).orElseThrow();
		assertThat(line.quantity()).as("units of line %s of %s", line.itemNumber(), order.orderNumber())
			.isGreaterThanOrEqualTo(2);
		int units = (line.quantity() + 1) / 2;
		assertThat(count * units).as("units the returns ask for together").isGreaterThan(line.quantity());

		// the judgements read ERP's returns of the order last: held until the barrier is up
		HeldRequests.Hold reads = HubSandbox.held().holdRequests(Backend.ERP, "GET", "A_CustomerReturn");
		List<UUID> ids = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			ResponseEntity<JsonNode> created = apis.get(i % apis.size())
				.requestReturn(newKey(), order.orderNumber(), "PORTAL", line(line.itemNumber(), units, "UNWANTED"));
			assertThat(created.getStatusCode().value()).as("%s", created.getBody()).isEqualTo(201);
			ids.add(UUID.fromString(created.getBody().path("id").asString()));
		}
		JudgementBarrier barrier = JudgementBarrier.before(database, ids);
		try {
			reads.release();
			barrier.awaitStopped(count);
		}
		finally {
			barrier.release();
		}
		ProcessApi api = apis.get(0);
		List<JsonNode> judged = ids.stream()
			.map(id -> await().atMost(PATIENCE).until(() -> api.returnOf(id), r -> {
				String status = r.path("status").asString();
				return status.equals("DECLINED") || r.path("lines").get(0).path("eligible").asBoolean(false);
			}))
			.toList();
		return new Judged(line, units, judged);
	}
}
