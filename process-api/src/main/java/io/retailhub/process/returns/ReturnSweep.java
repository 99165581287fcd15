package io.retailhub.process.returns;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.retailhub.contracts.ReturnAuthorizationId;
import io.retailhub.contracts.ReturnReceipt;
import io.retailhub.contracts.events.ReturnReceived;
import io.retailhub.process.platform.polling.PolledWork;
import io.retailhub.process.returns.ReturnManagement.KeptReceiptRepair;
import io.retailhub.process.returns.ReturnManagement.ReceiptOutcome;
import io.retailhub.process.systemapi.SystemApiClient;
import io.retailhub.process.systemapi.SystemApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.slf4j.MarkerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Defense in depth: every {@code interval}, finds receipt work that should have moved and did not,
 * repairs it through the normal path, counts each repair in
 * {@code retailhub_returns_sweep_repairs_total{kind}} and logs it as an {@code ALERT} (a repair
 * means something upstream failed, and someone should find out what):
 * <ul>
 * <li>{@code kept-receipt}: a receipt kept because it overtook its return, although a return now
 * carries its RMA. The RMA's lock makes this impossible ({@link ReturnLocks#rma}); if it happens anyway
 * the receipt is decided now, as the authorization would have.
 * <li>{@code missed-receipt}: a return waiting for its parcel for which the warehouse holds a
 * receipt the hub never heard of (a webhook the WMS gave up on, an event lost on the way).
 * Returns waiting longer than {@code receipt-check-after} are checked against the warehouse
 * (through the system API), each again every {@code receipt-recheck-every}; the latest receipt is
 * taken in through {@link ReturnManagement#receive}, with the inbox and the RMA's sequence, so
 * a webhook that arrives after all is stale, and a receipt already applied changes nothing.
 * </ul>
 * A receipt kept for an RMA that no return carries is not repairable (the hub never asked for that
 * RMA: it was entered in ERP by hand, say): after {@code unmatched-receipt-alert-after} it is
 * alerted once and counted in {@code retailhub_returns_receipts_unmatched}.
 *
 * <p>Every instance sweeps; they share the work through row locks ({@code SKIP LOCKED}) and the
 * RMA's lock, and a repair found by two at once is applied once.
 */
@Component
class ReturnSweep extends PolledWork {

	private static final Logger log = LoggerFactory.getLogger(ReturnSweep.class);

	/** Marks log lines an alerting rule should page on; the message starts with the same word. */
	private static final Marker ALERT = MarkerFactory.getMarker("ALERT");

	/** How long the unmatched-receipt count is reused however often it is scraped. */
	private static final Duration GAUGE_MAX_AGE = Duration.ofSeconds(1);

	/** What one round did. */
	record Round(int keptReceiptsRepaired, int returnsChecked, int missedReceiptsRepaired,
			int unmatchedReceiptsAlerted) {
	}

	/** A return due for a look at the warehouse, with when it was last looked at (to give it back). */
	private record Due(UUID id, String rmaNumber, Timestamp previousCheck) {
	}

	private final ReturnManagement management;

	private final SystemApiClient systemApi;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final ReturnSweepSettings settings;

	private final Clock clock;

	private final Counter keptReceiptRepairs;

	private final Counter missedReceiptRepairs;

	private volatile long unmatched;

	private volatile long unmatchedReadAt;

	ReturnSweep(ReturnManagement management, SystemApiClient systemApi, JdbcClient jdbc,
			PlatformTransactionManager transactionManager, ReturnSweepSettings settings, MeterRegistry registry,
			Clock clock) {
		super("return-sweep", settings.interval(), settings.enabled());
		this.management = management;
		this.systemApi = systemApi;
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactionManager);
		this.settings = settings;
		this.clock = clock;
		this.keptReceiptRepairs = repairs(registry, "kept-receipt");
		this.missedReceiptRepairs = repairs(registry, "missed-receipt");
		Gauge.builder("retailhub.returns.receipts.unmatched", this::unmatchedReceipts)
			.description("Receipts kept longer than the alert threshold for an RMA no return carries")
			.register(registry);
	}

	@Override
	protected boolean round() {
		Round round = sweep();
		log.debug("return sweep: {}", round);
		return false;
	}

	private static Counter repairs(MeterRegistry registry, String kind) {
		return Counter.builder("retailhub.returns.sweep.repairs")
			.description("Receipt work the sweep found stuck and repaired; each one is also logged as an ALERT")
			.tag("kind", kind)
			.register(registry);
	}

	/** One round: every check once. */
	Round sweep() {
		int kept = repairKeptReceipts();
		int[] checked = checkWaitingReturns();
		int alerted = alertUnmatchedReceipts();
		return new Round(kept, checked[0], checked[1], alerted);
	}

	private int repairKeptReceipts() {
		List<String> rmas = jdbc.sql("""
				select e.rma_number from early_receipt e join return_case r on r.rma_number = e.rma_number
				order by e.arrived_at limit :n""").param("n", settings.batchSize()).query(String.class).list();
		int repaired = 0;
		for (String rma : rmas) {
			Optional<KeptReceiptRepair> repair = transactions
				.execute(tx -> management.repairKeptReceipt(ReturnAuthorizationId.of(rma)));
			if (repair != null && repair.isPresent()) {
				repaired++;
				keptReceiptRepairs.increment();
				log.warn(ALERT, "ALERT return sweep: the receipt kept for RMA {} was never applied although return {} "
						+ "carries the RMA; decided now: {}", rma, repair.get().returnNumber(), repair.get().outcome());
			}
		}
		return repaired;
	}

	/** @return returns checked, receipts repaired */
	private int[] checkWaitingReturns() {
		List<Due> due = transactions.execute(tx -> claimDueChecks());
		int checked = 0;
		int repaired = 0;
		for (Due ret : due) {
			List<ReturnReceipt> receipts;
			try {
				receipts = systemApi.findReturnReceipts(ReturnAuthorizationId.of(ret.rmaNumber()));
			}
			catch (SystemApiException ex) {
				// the warehouse or the system API is out: these returns are checked at the next round
				log.info("return sweep could not read the warehouse's receipts ({}); checking {} return(s) next round",
						ex.getMessage(), due.size() - checked);
				giveBack(due.subList(checked, due.size()));
				break;
			}
			checked++;
			if (!receipts.isEmpty() && missedReceiptApplied(ret, receipts.get(receipts.size() - 1))) {
				repaired++;
			}
		}
		return new int[] { checked, repaired };
	}

	/**
	 * Claims the returns due for a check by stamping them, so that other instances skip them; the
	 * stamp commits before the warehouse is asked (no transaction waits on HTTP).
	 */
	private List<Due> claimDueChecks() {
		Instant now = clock.instant();
		return jdbc.sql("""
				with due as (
				    select id, rma_number, receipt_checked_at from return_case
				    where status in ('AUTHORIZED', 'PARTIALLY_RECEIVED') and rma_number is not null
				      and requested_at < :firstCheck
				      and (receipt_checked_at is null or receipt_checked_at < :recheck)
				    order by receipt_checked_at nulls first, requested_at
				    limit :n
				    for update skip locked)
				update return_case r set receipt_checked_at = :now from due where r.id = due.id
				returning r.id, r.rma_number, due.receipt_checked_at""")
			.param("firstCheck", Timestamp.from(now.minus(settings.receiptCheckAfter())))
			.param("recheck", Timestamp.from(now.minus(settings.receiptRecheckEvery())))
			.param("n", settings.batchSize())
			.param("now", Timestamp.from(now))
			.query((rs, row) -> new Due(rs.getObject(1, UUID.class), rs.getString(2), rs.getTimestamp(3)))
			.list();
	}

	private void giveBack(List<Due> unchecked) {
		for (Due ret : unchecked) {
			jdbc.sql("update return_case set receipt_checked_at = :previous where id = :id")
				.param("previous", ret.previousCheck())
				.param("id", ret.id())
				.update();
		}
	}

	/** Takes the warehouse's latest receipt in as if its event had come; true when that changed the return. */
	private boolean missedReceiptApplied(Due ret, ReturnReceipt latest) {
		ReturnReceived receipt = latest.asEvent(clock.instant());
		ReceiptOutcome outcome = management.receive(receipt, "sweep:" + latest.receiptId(), receipt.aggregate(),
				latest.sequence());
		if (outcome != ReceiptOutcome.APPLIED && outcome != ReceiptOutcome.REQUIRES_ACTION) {
			return false;
		}
		missedReceiptRepairs.increment();
		log.warn(ALERT, "ALERT return sweep: the warehouse received RMA {} (receipt {}, sequence {}, at {}) but the "
				+ "hub never heard of it; taken in now: {}", ret.rmaNumber(), latest.receiptId(), latest.sequence(),
				latest.receivedAt(), outcome);
		return true;
	}

	private int alertUnmatchedReceipts() {
		Instant now = clock.instant();
		List<String> alerted = jdbc.sql("""
				with unmatched as (
				    select e.rma_number from early_receipt e
				    where e.alerted_at is null and e.arrived_at < :cutoff
				      and not exists (select 1 from return_case r where r.rma_number = e.rma_number)
				    order by e.arrived_at
				    limit :n
				    for update skip locked)
				update early_receipt e set alerted_at = :now from unmatched where e.rma_number = unmatched.rma_number
				returning e.rma_number""")
			.param("cutoff", Timestamp.from(now.minus(settings.unmatchedReceiptAlertAfter())))
			.param("n", settings.batchSize())
			.param("now", Timestamp.from(now))
			.query(String.class)
			.list();
		alerted.forEach(rma -> log.warn(ALERT, "ALERT return sweep: a receipt for RMA {} has been kept for more than {}, "
				+ "and no return of the hub carries that RMA (entered in ERP by hand?); a person must decide", rma,
				settings.unmatchedReceiptAlertAfter()));
		return alerted.size();
	}

	/** Read from the database (every instance reports the same), at most once a second. */
	private double unmatchedReceipts() {
		long now = System.nanoTime();
		if (unmatchedReadAt == 0 || now - unmatchedReadAt > GAUGE_MAX_AGE.toNanos()) {
			try {
				unmatched = jdbc.sql("""
						select count(*) from early_receipt e where e.arrived_at < :cutoff
						and not exists (select 1 from return_case r where r.rma_number = e.rma_number)""")
					.param("cutoff", Timestamp.from(clock.instant().minus(settings.unmatchedReceiptAlertAfter())))
					.query(Long.class)
					.single();
				unmatchedReadAt = now;
			}
			catch (RuntimeException ex) {
				// the database is unreachable: keep the last value rather than failing the scrape
			}
		}
		return unmatched;
	}
}
