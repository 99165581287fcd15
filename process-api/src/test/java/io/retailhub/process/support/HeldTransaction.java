package io.retailhub.process.support;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.springframework.transaction.support.TransactionTemplate;

/**
 * A transaction a drill holds open: on a thread of its own it does its work, then waits, with
 * everything it wrote and every lock it took still uncommitted, until the drill lets it commit.
 * This is how a drill puts two transactions in flight at the same moment in the order it wants,
 * instead of hoping that timing does.
 */
public final class HeldTransaction {

	private static final Duration PATIENCE = Duration.ofSeconds(30);

	private final CountDownLatch worked = new CountDownLatch(1);

	private final CountDownLatch commit = new CountDownLatch(1);

	private final CompletableFuture<Void> finished;

	private HeldTransaction(TransactionTemplate transactions, Runnable work, String name) {
		this.finished = new CompletableFuture<>();
		Thread thread = new Thread(() -> {
			try {
				transactions.executeWithoutResult(status -> {
					work.run();
					worked.countDown();
					awaitQuietly(commit);
				});
				finished.complete(null);
			}
			catch (Throwable ex) {
				finished.completeExceptionally(ex);
			}
			finally {
				worked.countDown();
			}
		}, name);
		thread.setDaemon(true);
		thread.start();
	}

	/** Starts the transaction and returns once its work is done (not committed). */
	public static HeldTransaction begin(TransactionTemplate transactions, Runnable work, String name) {
		HeldTransaction held = new HeldTransaction(transactions, work, name);
		awaitQuietly(held.worked);
		if (held.finished.isCompletedExceptionally()) {
			held.join();
		}
		return held;
	}

	/** Lets the transaction commit and waits until it did. */
	public void commit() {
		commit.countDown();
		join();
	}

	private void join() {
		try {
			finished.get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (ExecutionException ex) {
			throw new AssertionError("the held transaction failed", ex.getCause());
		}
		catch (InterruptedException | TimeoutException ex) {
			throw new AssertionError("the held transaction did not finish within " + PATIENCE, ex);
		}
	}

	private static void awaitQuietly(CountDownLatch latch) {
		try {
			if (!latch.await(PATIENCE.toMillis(), TimeUnit.MILLISECONDS)) {
				throw new AssertionError("a held transaction waited longer than " + PATIENCE);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError("interrupted", ex);
		}
	}
}
