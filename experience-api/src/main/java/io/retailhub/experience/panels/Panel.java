package io.retailhub.experience.panels;

import java.time.Instant;

/**
 * One part of an aggregated answer, with how far it can be trusted. {@code data} is null exactly
 * when the panel is UNAVAILABLE: a missing panel is never rendered as empty data.
 *
 * @param status OK, STALE or UNAVAILABLE
 * @param asOf when the data was true (the fetch for OK, the read model's last event for STALE);
 * null when UNAVAILABLE
 * @param source the system the data comes from ({@code erp}, {@code crm}, {@code warehouse},
 * {@code payment}, {@code commerce}, {@code process-api}, {@code timeline} for STALE data)
 * @param data the panel's content, null when UNAVAILABLE
 * @param error why the source did not answer; null when OK
 */
public record Panel<T>(PanelStatus status, Instant asOf, String source, T data, PanelError error) {

	public static <T> Panel<T> ok(String source, T data, Instant asOf) {
		return new Panel<>(PanelStatus.OK, asOf, source, data, null);
	}

	public static <T> Panel<T> stale(String source, T data, Instant asOf, PanelError error) {
		return new Panel<>(PanelStatus.STALE, asOf, source, data, error);
	}

	public static <T> Panel<T> unavailable(String source, PanelError error) {
		return new Panel<>(PanelStatus.UNAVAILABLE, null, source, null, error);
	}

	public boolean ok() {
		return this.status == PanelStatus.OK;
	}

	/** Has data, fresh or stale. */
	public boolean hasData() {
		return this.data != null;
	}

	/**
	 * @param code {@code TIMEOUT} (past its budget), {@code BACKEND_UNAVAILABLE} (its source or the
	 * layer in front of it answered it is down), {@code NOT_FOUND}, {@code REFUSED},
	 * {@code DEPENDS_ON_<PANEL>} (needs a panel that is unavailable), {@code OVERLOADED} (no
	 * capacity left to fetch it)
	 * @param detail a human explanation, without internals
	 */
	public record PanelError(String code, String detail) {
	}
}
