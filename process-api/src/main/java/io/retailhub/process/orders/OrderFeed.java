package io.retailhub.process.orders;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import io.retailhub.contracts.OrderChange;
import io.retailhub.contracts.OrderId;
import io.retailhub.contracts.events.OrderConfirmed;
import io.retailhub.process.orders.OrderFeedStore.Cursor;
import io.retailhub.process.platform.outbox.Outbox;
import io.retailhub.process.platform.polling.PolledWork;
import io.retailhub.process.systemapi.SystemApiClient;
import io.retailhub.process.systemapi.SystemApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes {@code order.confirmed} once per order ERP holds, fed by polling the system API's
 * "orders changed since" read every {@code retailhub.orders.feed.poll-interval}.
 *
 * <p>Each page is one transaction: lock the cursor row ({@code FOR UPDATE SKIP LOCKED}: if another
 * instance holds it, that instance is polling and this one waits for its next tick), read the page,
 * and for every order not confirmed before append {@link OrderConfirmed} to the outbox and record
 * the order as confirmed, then move the cursor. A failure anywhere (system API or ERP down, a
 * crash) rolls all of it back: the cursor has not moved, so the next poll reads the same orders
 * again, and the confirmed-order table makes re-reading publish nothing twice.
 *
 * <p>Each poll starts {@code overlap} behind the cursor, because ERP stamps and commits changes
 * slightly out of order; then it walks forward page by page by (last change, order ID), so any
 * number of orders changed in one instant are read, until a page comes back short.
 */
@Component
class OrderFeed extends PolledWork {

	private static final Logger log = LoggerFactory.getLogger(OrderFeed.class);

	/** What one poll did: {@code busy} when another instance was polling. */
	record Poll(boolean busy, int read, int confirmed, int skipped) {
	}

	/** Where a page ends: the next page reads on behind this order. */
	private record Position(Instant lastChangedAt, OrderId orderId) {
	}

	private record Page(int read, int confirmed, int skipped, Position end) {
	}

	private final SystemApiClient systemApi;

	private final OrderFeedStore store;

	private final Outbox outbox;

	private final TransactionTemplate transactions;

	private final OrderFeedSettings settings;

	private final OrderFeedMetrics metrics;

	private final Clock clock;

	private final AtomicInteger failuresInARow = new AtomicInteger();

	private volatile boolean cursorCreated;

	OrderFeed(SystemApiClient systemApi, OrderFeedStore store, Outbox outbox, PlatformTransactionManager transactions,
			OrderFeedSettings settings, OrderFeedMetrics metrics, Clock clock) {
		super("order-feed", settings.pollInterval(), settings.enabled());
		this.systemApi = systemApi;
		this.store = store;
		this.outbox = outbox;
		this.transactions = new TransactionTemplate(transactions);
		this.settings = settings;
		this.metrics = metrics;
		this.clock = clock;
	}

	/**
	 * One poll: every page from {@code overlap} behind the cursor up to the newest change.
	 * @throws SystemApiException when the system API (or ERP behind it) could not answer; pages read
	 * before stay committed, the failed one is read again next time
	 */
	Poll poll() {
		try {
			return walk();
		}
		catch (RuntimeException ex) {
			metrics.failed();
			throw ex;
		}
	}

	private Poll walk() {
		createCursorIfMissing();
		Position position = null;
		int read = 0;
		int confirmed = 0;
		int skipped = 0;
		while (true) {
			Position from = position;
			Page page = transactions.execute(status -> page(from));
			if (page == null) {
				if (from == null) {
					metrics.busy();
					return new Poll(true, 0, 0, 0);
				}
				break;
			}
			metrics.pageRead(page.confirmed(), page.skipped());
			read += page.read();
			confirmed += page.confirmed();
			skipped += page.skipped();
			if (page.read() < settings.batchSize() || page.end().equals(from)) {
				break;
			}
			position = page.end();
		}
		metrics.succeeded();
		return new Poll(false, read, confirmed, skipped);
	}

	/** Reads and records one page, in the caller's transaction; null when another instance holds the cursor. */
	private Page page(Position from) {
		Optional<Cursor> locked = store.lockCursor();
		if (locked.isEmpty()) {
			return null;
		}
		Cursor cursor = locked.get();
		Instant since = from != null ? from.lastChangedAt() : latest(cursor.changedUpTo().minus(settings.overlap()),
				cursor.startAt());
		List<OrderChange> changes = systemApi.findOrderChanges(since, from != null ? from.orderId() : null,
				settings.batchSize());
		Set<String> seen = new HashSet<>(store.confirmedAmong(changes.stream().map(c -> c.order().id()).toList()));
		Instant now = clock.instant();
		Instant changedUpTo = cursor.changedUpTo();
		int confirmed = 0;
		int skipped = 0;
		for (OrderChange change : changes) {
			changedUpTo = latest(changedUpTo, change.lastChangedAt());
			if (!seen.add(change.order().id().value())) {
				continue;
			}
			Optional<OrderConfirmed> event = OrderConfirmations.of(change.order(), now);
			if (event.isEmpty()) {
				skipped++;
				continue;
			}
			UUID eventId = outbox.append(event.get());
			store.recordConfirmed(change.order().id(), eventId, change.lastChangedAt());
			confirmed++;
		}
		store.advance(changedUpTo);
		if (changes.isEmpty()) {
			return new Page(0, 0, 0, from);
		}
		OrderChange last = changes.get(changes.size() - 1);
		return new Page(changes.size(), confirmed, skipped, new Position(last.lastChangedAt(), last.order().id()));
	}

	private void createCursorIfMissing() {
		if (!cursorCreated) {
			Instant startAt = settings.startAt() != null ? settings.startAt() : clock.instant();
			store.createCursorIfMissing(startAt);
			cursorCreated = true;
		}
	}

	/** One poll, its failures logged (the cursor stays, so the next poll reads the same orders again). */
	@Override
	protected boolean round() {
		try {
			Poll poll = poll();
			int failures = failuresInARow.getAndSet(0);
			if (failures > 0) {
				log.info("order feed reads ERP's orders again after {} failed poll(s)", failures);
			}
			if (poll.confirmed() > 0) {
				log.info("order feed confirmed {} order(s) of {} read", poll.confirmed(), poll.read());
			}
		}
		catch (SystemApiException ex) {
			int failures = failuresInARow.incrementAndGet();
			if (failures == 1 || failures % 100 == 0) {
				log.warn("order feed could not read ERP's changed orders ({} poll(s) in a row; the cursor stays, "
						+ "the next poll reads them again): {}", failures, ex.getMessage());
			}
		}
		catch (RuntimeException ex) {
			int failures = failuresInARow.incrementAndGet();
			if (failures == 1 || failures % 100 == 0) {
				log.warn("order feed poll failed ({} in a row); trying again next poll", failures, ex);
			}
		}
		return false;
	}

	private static Instant latest(Instant a, Instant b) {
		return a.isAfter(b) ? a : b;
	}
}
