package io.retailhub.system.erp;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import io.retailhub.system.backend.BackendUnavailableException;
import io.retailhub.system.backend.Backends;

/**
 * Serializes check-then-create per external reference within this instance. OData V2 has no
 * idempotency key, so "look up by {@code PurchaseOrderByCustomer}, create if absent" is the only
 * guard against duplicates; two concurrent calls with the same reference (a caller retrying while
 * its first attempt still runs) must not both see "absent". Striped locks bound the memory. Across
 * several system API instances the same race remains; callers own a reference per workflow step
 * and do not run one step twice at the same time.
 */
final class ReferenceLocks {

	private static final int STRIPES = 64;

	private final ReentrantLock[] locks = new ReentrantLock[STRIPES];

	ReferenceLocks() {
		for (int i = 0; i < STRIPES; i++) {
			locks[i] = new ReentrantLock();
		}
	}

	<T> T withLock(String reference, Supplier<T> action) {
		ReentrantLock lock = locks[Math.floorMod(reference.hashCode(), STRIPES)];
		try {
			lock.lockInterruptibly();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new BackendUnavailableException(Backends.ERP, "gave up waiting for a concurrent create", null, ex);
		}
		try {
			return action.get();
		}
		finally {
			lock.unlock();
		}
	}
}
