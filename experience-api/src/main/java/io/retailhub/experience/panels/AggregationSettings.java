package io.retailhub.experience.panels;

import java.time.Duration;
import java.util.Map;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How aggregated answers (customer 360, order 360, the portal's order) fetch their panels.
 *
 * @param panels per panel, {@code retailhub.experience.panels.<name>.budget}: how long the panel
 * may take from the start of the request (a panel that needs another one, like eligibility after
 * the order, shares its budget with it); panels not named take {@code defaultBudget}
 * @param defaultBudget the budget of a panel not named in {@code panels}
 * @param totalBudget the bound on the whole answer
 * @param threads the pool fetching panels, shared by all requests
 * @param queue panel fetches waiting for a thread; beyond it a panel is UNAVAILABLE at once
 */
@Validated
@ConfigurationProperties("retailhub.experience")
public record AggregationSettings(Map<String, PanelSettings> panels,
		@DefaultValue("1500ms") Duration defaultBudget, @DefaultValue("2500ms") Duration totalBudget,
		@DefaultValue("32") @Min(1) int threads, @DefaultValue("512") @Min(0) int queue) {

	public AggregationSettings {
		panels = panels == null ? Map.of() : Map.copyOf(panels);
	}

	public Duration budget(String panel) {
		PanelSettings settings = this.panels.get(panel);
		Duration budget = settings == null || settings.budget() == null ? this.defaultBudget : settings.budget();
		return budget.compareTo(this.totalBudget) > 0 ? this.totalBudget : budget;
	}

	public record PanelSettings(Duration budget) {
	}
}
