package io.retailhub.experience.panels;

/** How far a panel can be trusted. */
public enum PanelStatus {

	/** Fetched from its source for this answer. */
	OK,

	/** Its source did not answer in time; the data is the read model's, as of {@code asOf}. */
	STALE,

	/** Its source did not answer in time and nothing else knows: no data (never shown as empty). */
	UNAVAILABLE
}
