package io.retailhub.process.platform.polling;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One background thread that runs a round of work again and again: at once while the round says
 * more is waiting, otherwise after the poll interval or as soon as {@link #wakeUp()} is called
 * (e.g. right after a commit that created work). A failing round is logged and tried again after
 * a growing pause, so the loop outlives a database or broker outage without flooding the log.
 */
public final class PollingLoop {

	/** One round of work. */
	@FunctionalInterface
	public interface Round {

		/** @return true when more work is probably waiting, so the next round should start at once */
		boolean run() throws Exception;

	}

	private static final Logger log = LoggerFactory.getLogger(PollingLoop.class);

	/** How long an interrupted round gets to unwind. */
	private static final Duration INTERRUPTED_ROUND_WAIT = Duration.ofSeconds(2);

	/** Longest pause after consecutive failed rounds. */
	private static final Duration MAX_FAILURE_PAUSE = Duration.ofSeconds(5);

	private final String name;

	private final Duration interval;

	private final Round round;

	/** Wake-up signals; several signals before the loop looks collapse into one round. */
	private final Semaphore signal = new Semaphore(0);

	private volatile boolean running;

	private Thread thread;

	public PollingLoop(String name, Duration interval, Round round) {
		if (interval.isNegative() || interval.isZero()) {
			throw new IllegalArgumentException("poll interval must be positive: " + interval);
		}
		this.name = name;
		this.interval = interval;
		this.round = round;
	}

	public synchronized void start() {
		if (this.running) {
			return;
		}
		this.running = true;
		this.thread = new Thread(this::loop, this.name);
		this.thread.setDaemon(true);
		this.thread.start();
	}

	/** Makes the loop start its next round now instead of at the end of its pause. */
	public void wakeUp() {
		if (this.signal.availablePermits() == 0) {
			this.signal.release();
		}
	}

	/**
	 * Stops starting rounds and lets the current one finish for up to {@code grace}; a round still
	 * running then (stuck on a database or broker that went away) is interrupted. Rounds must
	 * therefore tolerate an interruption at any point, which work delivered at least once does.
	 */
	public void stop(Duration grace) {
		Thread current;
		synchronized (this) {
			if (!this.running) {
				return;
			}
			this.running = false;
			current = this.thread;
		}
		this.signal.release();
		try {
			current.join(grace.toMillis());
			if (current.isAlive()) {
				log.warn("{} did not finish its round within {}; interrupting it", this.name, grace);
				current.interrupt();
				current.join(INTERRUPTED_ROUND_WAIT.toMillis());
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	public boolean isRunning() {
		return this.running;
	}

	private void loop() {
		int failures = 0;
		while (this.running) {
			boolean more = false;
			try {
				more = this.round.run();
				if (failures > 0) {
					log.info("{} works again after {} failed round(s)", this.name, failures);
				}
				failures = 0;
			}
			catch (Exception ex) {
				failures++;
				if (failures == 1 || failures % 100 == 0) {
					log.warn("{} round failed ({} in a row); trying again", this.name, failures, ex);
				}
			}
			if (!more && this.running) {
				pause(failures == 0 ? this.interval : failurePause(failures));
			}
		}
	}

	private Duration failurePause(int failures) {
		long millis = this.interval.toMillis() << Math.min(failures, 16);
		return Duration.ofMillis(Math.min(millis, MAX_FAILURE_PAUSE.toMillis()));
	}

	private void pause(Duration duration) {
		try {
			if (this.signal.tryAcquire(duration.toMillis(), TimeUnit.MILLISECONDS)) {
				this.signal.drainPermits();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.running = false;
		}
	}

}
