package io.retailhub.sandbox.backends.warehouse;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import io.retailhub.sandbox.backends.erp.ErpEffects;
import io.retailhub.sandbox.backends.erp.ReturnGoodsReceipts;
import io.retailhub.sandbox.backends.warehouse.ErpReturnNotices.ErpUnavailableException;
import io.retailhub.sandbox.backends.warehouse.WarehousePayloads.ReturnReceiptResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Parcels arriving for RMAs: on demand ({@code POST /admin/warehouse/rmas/{rma}/receive}), or
 * automatically, {@code sandbox.warehouse.auto-receive-after} after ERP created a customer
 * return, for every customer return created since auto-receive was switched on (at start when
 * configured), so a person running the hub locally sees a return go all the way to its refund.
 *
 * <p>What to expect comes from ERP ({@link ErpReturnNotices}); the receipt itself from
 * {@link WarehouseStore}, which announces it by webhook. The automatic side looks at ERP only
 * when ERP has created customer returns since its last look, and leaves alone an RMA that was
 * received on demand in the meantime. An RMA ERP rejected (the return was canceled or expired) is
 * refused on demand and skipped automatically.
 *
 * <p>After a restart on a state directory, auto-receive (when on from the start) goes on from when
 * it was switched on in the run that saved the state: a return whose parcel was still due when
 * the sandbox stopped is received after the restart; one the warehouse received anything for
 * before the restart is left alone.
 */
@Component
class ReturnReceiving implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(ReturnReceiving.class);

	private final ErpReturnNotices notices;

	private final WarehouseStore store;

	private final ErpEffects erp;

	private final ReturnGoodsReceipts goodsReceipts;

	private final Clock clock;

	private final ScheduledExecutorService poller;

	private final Duration jitter;

	/** Zero when off. Guarded by {@code this}. */
	private Duration autoReceiveAfter;

	/** Customer returns created before this are left alone. Guarded by {@code this}. */
	private Instant autoReceiveSince;

	/**
	 * When the saved state was restored, null without: an RMA ERP created before, which the
	 * warehouse received anything for, was dealt with before the restart. Guarded by {@code this}.
	 */
	private Instant restoredAt;

	// The fields below are touched by the poller thread only.

	private long customerReturnsSeen = -1;

	private final Set<String> known = new HashSet<>();

	/** RMA number to when to receive it, in the order ERP created them. */
	private final Map<String, Instant> due = new LinkedHashMap<>();

	ReturnReceiving(ErpReturnNotices notices, WarehouseStore store, ErpEffects erp, ReturnGoodsReceipts goodsReceipts,
			Clock clock, WarehouseSettings settings) {
		this.notices = notices;
		this.store = store;
		this.erp = erp;
		this.goodsReceipts = goodsReceipts;
		this.clock = clock;
		autoReceiveAfter(settings.autoReceiveAfter());
		this.jitter = settings.autoReceiveJitter();
		this.poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
			Thread thread = new Thread(runnable, "wms-auto-receive");
			thread.setDaemon(true);
			return thread;
		});
		long interval = settings.autoReceivePollInterval().toMillis();
		this.poller.scheduleWithFixedDelay(this::poll, interval, interval, TimeUnit.MILLISECONDS);
	}

	/**
	 * Receives a parcel for an RMA ERP knows; see
	 * {@link WarehouseStore#receive(ReturnNotice, String, List)} for the defaults and refusals.
	 * @param warehouseId where it arrived, null for where the order shipped from
	 * Each receipt is posted to ERP as the return's goods receipt; an RMA whose items ERP rejected
	 * (a canceled or expired return) takes no parcel.
	 * @throws WarehouseApiException 404 when ERP does not know the RMA, 409 when ERP rejected it, or
	 * as the store refuses
	 * @throws ErpUnavailableException when ERP cannot be asked
	 */
	ReturnReceiptResponse receive(String rmaNumber, String warehouseId, List<ParcelCount> counts) {
		ReturnNotice notice = notices.find(rmaNumber)
			.orElseThrow(() -> WarehouseApiException.notFound("RMA", rmaNumber));
		if (notice.rejected()) {
			throw rejected(rmaNumber);
		}
		return store.receive(notice, warehouseId, counts, lines -> {
			// ERP may have rejected the return since it was read: the posting checks again, atomically
			if (goodsReceipts.post(rmaNumber, lines) == ReturnGoodsReceipts.Outcome.REJECTED) {
				throw rejected(rmaNumber);
			}
		});
	}

	private static WarehouseApiException rejected(String rmaNumber) {
		return WarehouseApiException.conflict("rma_rejected", "RMA " + rmaNumber
				+ " was rejected in ERP (the return was canceled or expired): nothing can be received against it");
	}

	synchronized Duration autoReceiveAfter() {
		return autoReceiveAfter;
	}

	/** Zero switches auto-receive off; switching it on leaves alone what ERP created before. */
	synchronized void autoReceiveAfter(Duration after) {
		if (after == null || after.isNegative()) {
			throw new IllegalArgumentException("the delay must be zero (off) or positive");
		}
		if (autoReceiveAfter == null || autoReceiveAfter.isZero()) {
			autoReceiveSince = clock.instant().truncatedTo(ChronoUnit.MILLIS);
		}
		autoReceiveAfter = after;
	}

	/** Since when auto-receive looks at new customer returns; empty while it is off. */
	synchronized Optional<Instant> autoReceiveSince() {
		return autoReceiveAfter.isZero() ? Optional.empty() : Optional.of(autoReceiveSince);
	}

	/**
	 * Goes on from a saved state: auto-receive, when on now, looks at customer returns from when
	 * it was switched on in the run that saved it ({@code since}, empty when it was off then).
	 */
	synchronized void restore(Optional<Instant> since) {
		restoredAt = clock.instant();
		if (!autoReceiveAfter.isZero() && since.isPresent() && since.get().isBefore(autoReceiveSince)) {
			autoReceiveSince = since.get();
		}
	}

	@Override
	public void destroy() {
		poller.shutdownNow();
	}

	private void poll() {
		Duration after;
		Instant since;
		Instant restored;
		synchronized (this) {
			after = autoReceiveAfter;
			since = autoReceiveSince;
			restored = restoredAt;
		}
		try {
			if (after.isZero()) {
				customerReturnsSeen = -1;
				due.clear();
				return;
			}
			lookForNewReturns(after, since, restored);
			receiveDue();
		}
		catch (RuntimeException ex) {
			log.error("Automatic receiving failed; trying again at the next poll", ex);
		}
	}

	private void lookForNewReturns(Duration after, Instant since, Instant restored) {
		long created = erp.count(ErpEffects.CUSTOMER_RETURNS_CREATED);
		if (created == customerReturnsSeen) {
			return;
		}
		try {
			for (ReturnNotice notice : notices.unprocessed()) {
				boolean dealtWithBeforeRestart = restored != null && notice.createdAt().isBefore(restored)
						&& store.received(notice.rmaNumber());
				if (!notice.createdAt().isBefore(since) && !dealtWithBeforeRestart && known.add(notice.rmaNumber())) {
					due.put(notice.rmaNumber(), notice.createdAt().plus(after).plus(randomJitter()));
				}
			}
			customerReturnsSeen = created;
		}
		catch (ErpUnavailableException ex) {
			log.debug("ERP not readable for auto-receive: {}", ex.getMessage());
		}
	}

	private Duration randomJitter() {
		return jitter.isZero() ? Duration.ZERO
				: Duration.ofMillis(ThreadLocalRandom.current().nextLong(jitter.toMillis() + 1));
	}

	private void receiveDue() {
		Instant now = clock.instant();
		for (Iterator<Map.Entry<String, Instant>> entries = due.entrySet().iterator(); entries.hasNext();) {
			Map.Entry<String, Instant> entry = entries.next();
			if (entry.getValue().isAfter(now)) {
				continue;
			}
			try {
				ReturnReceiptResponse receipt = receive(entry.getKey(), null, List.of());
				log.info("Received RMA {} automatically: receipt {}", entry.getKey(), receipt.receiptId());
				entries.remove();
			}
			catch (ErpUnavailableException ex) {
				log.debug("ERP not readable to receive RMA {}: {}", entry.getKey(), ex.getMessage());
				return;
			}
			catch (WarehouseApiException ex) {
				log.info("RMA {} not received automatically: {}", entry.getKey(), describe(ex));
				entries.remove();
			}
		}
	}

	private static String describe(WarehouseApiException ex) {
		return ex.errors().isEmpty() ? ex.getMessage() : ex.errors().get(0).message();
	}
}
