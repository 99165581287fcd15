package io.retailhub.experience.panels;

/** Thrown inside a panel's call when a panel it needs has no data: the panel is then UNAVAILABLE. */
public class MissingPanel extends RuntimeException {

	private final String panel;

	public MissingPanel(String panel) {
		super("needs the " + panel + " panel");
		this.panel = panel;
	}

	public String panel() {
		return this.panel;
	}
}
