package io.retailhub.sandbox.backends.carrier;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Parcels that move on their own: with {@code sandbox.carrier.auto-advance-after} above zero,
 * every tracker created since auto-advance was switched on (at start when configured) goes one
 * step along pre_transit, in_transit, out_for_delivery, delivered each time that long has passed
 * since its last scan, each step a scan of its own with its {@code tracker.updated} webhook. So a
 * person running the hub locally sees a return parcel arrive without posting scans by hand.
 *
 * <p>A scan posted to the admin API in between counts as the tracker's last scan; one that ends
 * the progression (return_to_sender, failure, ...) ends it. After a restart on a state directory,
 * auto-advance (when on now) goes on with the trackers it moved before the restart.
 */
@Component
class AutoAdvance implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(AutoAdvance.class);

	private final Trackers trackers;

	private final Clock clock;

	private final ScheduledExecutorService poller;

	/** Zero when off. Guarded by {@code this}. */
	private Duration after;

	/** Trackers created before this are left alone. Guarded by {@code this}. */
	private Instant since;

	AutoAdvance(Trackers trackers, Clock clock, CarrierSettings settings) {
		this.trackers = trackers;
		this.clock = clock;
		after(settings.autoAdvanceAfter());
		this.poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
			Thread thread = new Thread(runnable, "carrier-auto-advance");
			thread.setDaemon(true);
			return thread;
		});
		long interval = settings.autoAdvancePollInterval().toMillis();
		this.poller.scheduleWithFixedDelay(this::poll, interval, interval, TimeUnit.MILLISECONDS);
	}

	synchronized Duration after() {
		return after;
	}

	/** Zero switches auto-advance off; switching it on leaves alone the trackers created before. */
	synchronized void after(Duration after) {
		if (after == null || after.isNegative()) {
			throw new IllegalArgumentException("the interval must be zero (off) or positive");
		}
		if (this.after == null || this.after.isZero()) {
			since = clock.instant().truncatedTo(ChronoUnit.MILLIS);
		}
		this.after = after;
	}

	/** Since when auto-advance moves new trackers; empty while it is off. */
	synchronized Optional<Instant> since() {
		return after.isZero() ? Optional.empty() : Optional.of(since);
	}

	/**
	 * Goes on from a saved state: auto-advance, when on now, moves the trackers created since it
	 * was switched on in the run that saved it ({@code since}, empty when it was off then).
	 */
	synchronized void restore(Optional<Instant> saved) {
		if (!after.isZero() && saved.isPresent() && saved.get().isBefore(since)) {
			since = saved.get();
		}
	}

	@Override
	public void destroy() {
		poller.shutdownNow();
	}

	/** Runs on the poller thread only; never throws, or the schedule would stop. */
	private void poll() {
		Duration interval;
		Instant from;
		synchronized (this) {
			interval = after;
			from = since;
		}
		if (interval.isZero()) {
			return;
		}
		try {
			Instant now = clock.instant();
			for (Tracker tracker : trackers.all()) {
				if (!tracker.createdAt().isBefore(from) && tracker.status().next().isPresent()
						&& !tracker.updatedAt().plus(interval).isAfter(now)) {
					trackers.advance(tracker.id(), tracker.status())
						.ifPresent(moved -> log.debug("Tracker {} moved to {} automatically", moved.id(),
								moved.status().wire()));
				}
			}
		}
		catch (RuntimeException ex) {
			log.error("Automatic tracker progression failed; trying again at the next poll", ex);
		}
	}
}
