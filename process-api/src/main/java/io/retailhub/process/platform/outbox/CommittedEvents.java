package io.retailhub.process.platform.outbox;

import io.retailhub.contracts.events.DomainEvent;

/**
 * Told of each event the outbox recorded, once the transaction that recorded it committed (an
 * event rolled back never existed; one recorded again after a retried transaction is told once
 * per commit). For what follows from the facts themselves, such as business metrics; it runs on
 * the committing thread, so it must be quick and must not throw.
 */
public interface CommittedEvents {

	void committed(DomainEvent event);

}
