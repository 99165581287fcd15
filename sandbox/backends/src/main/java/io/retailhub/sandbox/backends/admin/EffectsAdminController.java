package io.retailhub.sandbox.backends.admin;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /admin/effects}: every backend's recorded effects, by backend. */
@RestController
class EffectsAdminController {

	private final List<RecordedEffects> effects;

	EffectsAdminController(List<RecordedEffects> effects) {
		this.effects = effects;
	}

	@GetMapping("/admin/effects")
	Map<String, Map<String, Long>> effects() {
		Map<String, Map<String, Long>> all = new TreeMap<>();
		effects.forEach(e -> all.put(e.backend(), new TreeMap<>(e.counts())));
		return all;
	}
}
