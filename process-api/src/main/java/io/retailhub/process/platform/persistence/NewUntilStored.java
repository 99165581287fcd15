package io.retailhub.process.platform.persistence;

import java.util.UUID;

import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Transient;

import org.springframework.data.domain.Persistable;

/**
 * An entity whose ID the hub assigns (a random UUID) rather than the database. Spring Data cannot
 * tell such an entity is new from its ID, so without this it merges: it reads the row that is not
 * there, then inserts a copy. An entity created with {@link #markNew()} is persisted instead, and
 * counts as stored from its insert or from being loaded.
 */
@MappedSuperclass
public abstract class NewUntilStored implements Persistable<UUID> {

	@Transient
	private boolean unsaved;

	/** Called by the factory that creates the entity, before it is first saved. */
	protected final void markNew() {
		this.unsaved = true;
	}

	@Override
	public boolean isNew() {
		return this.unsaved;
	}

	@PostPersist
	@PostLoad
	void stored() {
		this.unsaved = false;
	}

}
