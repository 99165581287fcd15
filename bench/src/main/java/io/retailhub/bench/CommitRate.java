package io.retailhub.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import io.retailhub.sandbox.infra.LocalPostgres;

/**
 * What the PostgreSQL the hub runs on allows: single-row autocommit inserts from a few
 * connections at once, into a scratch database of the same server. Every workflow step ends in
 * at least one commit, so this is the ceiling the workflow figure should be read against.
 */
final class CommitRate {

	static final String DATABASE = "bench_scratch";

	/** What one measurement found. */
	record Result(int threads, long commits, Duration wall) {

		double perSecond() {
			return this.commits / (this.wall.toNanos() / 1e9);
		}

	}

	private CommitRate() {
	}

	static Result measure(LocalPostgres postgres, int threads, int commitsPerThread) throws InterruptedException {
		String url = postgres.createDatabaseIfMissing(DATABASE);
		try (Connection connection = DriverManager.getConnection(url, postgres.username(), postgres.password());
				Statement statement = connection.createStatement()) {
			statement.execute("DROP TABLE IF EXISTS bench_commit");
			statement.execute("CREATE TABLE bench_commit (id bigint PRIMARY KEY)");
		}
		catch (SQLException ex) {
			throw new IllegalStateException("could not prepare " + DATABASE, ex);
		}
		AtomicLong ids = new AtomicLong();
		AtomicReference<Throwable> failure = new AtomicReference<>();
		CountDownLatch ready = new CountDownLatch(threads);
		CountDownLatch go = new CountDownLatch(1);
		List<Thread> workers = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			Thread worker = new Thread(() -> {
				try (Connection connection = DriverManager.getConnection(url, postgres.username(),
						postgres.password());
						PreparedStatement insert = connection.prepareStatement("INSERT INTO bench_commit (id) VALUES (?)")) {
					connection.setAutoCommit(true);
					ready.countDown();
					go.await();
					for (int i = 0; i < commitsPerThread; i++) {
						insert.setLong(1, ids.incrementAndGet());
						insert.executeUpdate();
					}
				}
				catch (SQLException | InterruptedException | RuntimeException ex) {
					failure.compareAndSet(null, ex);
					ready.countDown();
				}
			}, "bench-commit-" + t);
			workers.add(worker);
			worker.start();
		}
		ready.await();
		long start = System.nanoTime();
		go.countDown();
		for (Thread worker : workers) {
			worker.join();
		}
		Duration wall = Duration.ofNanos(System.nanoTime() - start);
		if (failure.get() != null) {
			throw new IllegalStateException("the commit-rate measurement failed", failure.get());
		}
		return new Result(threads, (long) threads * commitsPerThread, wall);
	}

}
