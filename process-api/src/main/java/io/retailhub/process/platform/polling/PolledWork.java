package io.retailhub.process.platform.polling;

import java.time.Duration;

import org.springframework.context.SmartLifecycle;

/**
 * Background work of a feature (the order feed, the return sweep) that runs round after round on
 * a {@link PollingLoop} of its own while the application runs. It starts after the outbox relay
 * and stops before it, like the step workers, so that what its last round appended still goes
 * out; a round still running when it stops gets a short grace, then is interrupted, so rounds
 * must be safe to cut off (each commits what it finished).
 */
public abstract class PolledWork implements SmartLifecycle {

	private static final Duration STOP_GRACE = Duration.ofSeconds(5);

	private final PollingLoop loop;

	private final boolean enabled;

	/**
	 * @param name the loop thread's name
	 * @param interval pause between rounds
	 * @param enabled whether it runs on this instance (off: never started)
	 */
	protected PolledWork(String name, Duration interval, boolean enabled) {
		this.loop = new PollingLoop(name, interval, this::round);
		this.enabled = enabled;
	}

	/** One round; see {@link PollingLoop.Round}. */
	protected abstract boolean round() throws Exception;

	@Override
	public boolean isAutoStartup() {
		return enabled;
	}

	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE - 100;
	}

	@Override
	public void start() {
		loop.start();
	}

	@Override
	public void stop() {
		loop.stop(STOP_GRACE);
	}

	@Override
	public boolean isRunning() {
		return loop.isRunning();
	}
}
