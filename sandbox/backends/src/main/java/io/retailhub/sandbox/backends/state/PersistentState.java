package io.retailhub.sandbox.backends.state;

/**
 * One backend's part of the sandbox's snapshot: what it created or changed since it was seeded,
 * as a plain value (records, lists, maps of JSON-friendly types). Implemented by one bean per
 * backend.
 *
 * @param <S> the value's type
 */
public interface PersistentState<S> {

	/** The part's key in the snapshot: {@code erp}, {@code crm}, ... */
	String name();

	Class<S> type();

	/**
	 * A copy of the state, taken while no change is under way: nothing the caller gets may change
	 * afterwards.
	 */
	S export();

	/**
	 * Puts a snapshot's state in place of the freshly seeded one; called once at start, before the
	 * sandbox serves any request, on the world the snapshot was taken in.
	 */
	void restore(S state);
}
