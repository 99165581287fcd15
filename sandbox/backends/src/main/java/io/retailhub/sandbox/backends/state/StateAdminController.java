package io.retailhub.sandbox.backends.state;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /admin/state}: where the backends' state is kept, when it was last written, whether
 * something changed since, and each number range's next number and reservation.
 */
@RestController
class StateAdminController {

	private final SandboxState state;

	private final StateSnapshots snapshots;

	StateAdminController(SandboxState state, StateSnapshots snapshots) {
		this.state = state;
		this.snapshots = snapshots;
	}

	/**
	 * @param directory null when nothing is kept
	 * @param savedAt when the snapshot in the directory was written (by this run or an earlier one)
	 * @param unsavedChanges whether something changed since: what a crash now would lose
	 */
	record StateResponse(String directory, Duration snapshotInterval, Instant savedAt, boolean unsavedChanges,
			World world, Map<String, NumberRange.View> numberRanges) {
	}

	@GetMapping("/admin/state")
	StateResponse state() {
		Map<String, NumberRange.View> ranges = new TreeMap<>();
		state.ranges().forEach(range -> ranges.put(range.name(), range.view()));
		boolean persistent = state.persistent();
		return new StateResponse(persistent ? state.settings().directory().toString() : null, persistent ? state.settings().snapshotInterval() : null,
				persistent ? snapshots.savedAt() : null, persistent && snapshots.unsaved(), state.currentWorld(),
				ranges);
	}
}
