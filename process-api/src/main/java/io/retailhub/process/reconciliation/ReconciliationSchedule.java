package io.retailhub.process.reconciliation;

import java.time.ZoneOffset;
import java.util.TimeZone;
import java.util.concurrent.ScheduledFuture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.scheduling.support.CronTrigger;
import org.springframework.stereotype.Component;

/**
 * Runs the daily reconciliation on {@code retailhub.reconciliation.cron} (UTC). Every instance
 * schedules it; the first to claim the day runs it ({@link ReconciliationStore#start}).
 */
@Component
class ReconciliationSchedule implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(ReconciliationSchedule.class);

	private final ReconciliationManagement reconciliation;

	private final ReconciliationSettings settings;

	private ThreadPoolTaskScheduler scheduler;

	private ScheduledFuture<?> daily;

	ReconciliationSchedule(ReconciliationManagement reconciliation, ReconciliationSettings settings) {
		this.reconciliation = reconciliation;
		this.settings = settings;
	}

	@Override
	public synchronized void start() {
		if (!this.settings.enabled() || this.scheduler != null) {
			return;
		}
		this.scheduler = new ThreadPoolTaskScheduler();
		this.scheduler.setThreadNamePrefix("reconciliation-");
		this.scheduler.setDaemon(true);
		this.scheduler.initialize();
		this.daily = this.scheduler.schedule(this::runDaily,
				new CronTrigger(this.settings.cron(), TimeZone.getTimeZone(ZoneOffset.UTC)));
		log.info("daily reconciliation scheduled: {} (UTC)", this.settings.cron());
	}

	private void runDaily() {
		try {
			this.reconciliation.runScheduled();
		}
		catch (RuntimeException ex) {
			log.error("the daily reconciliation could not run", ex);
		}
	}

	@Override
	public synchronized void stop() {
		if (this.scheduler == null) {
			return;
		}
		this.daily.cancel(false);
		this.scheduler.shutdown();
		this.scheduler = null;
	}

	@Override
	public synchronized boolean isRunning() {
		return this.scheduler != null;
	}

}
