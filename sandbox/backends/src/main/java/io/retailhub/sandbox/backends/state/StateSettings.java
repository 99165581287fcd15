package io.retailhub.sandbox.backends.state;

import java.nio.file.Path;
import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Whether and where the simulated backends keep their state across restarts
 * ({@code sandbox.state.*}).
 *
 * @param directory where the snapshot and the number reservations are written; unset (the
 * default, as in tests and the benchmark) keeps everything in memory and writes nothing
 * @param snapshotInterval how often a snapshot is written while something changed; what changed
 * since the last one is what a crash loses
 * @param numberBlock how many document numbers of one range are reserved on disk at a time,
 * before the first of them is handed out; a restart skips what is left of a block
 */
@ConfigurationProperties("sandbox.state")
@Validated
record StateSettings(Path directory, @DefaultValue("1s") @NotNull Duration snapshotInterval,
		@DefaultValue("100") @Min(1) int numberBlock) {

	StateSettings {
		if (snapshotInterval.isNegative() || snapshotInterval.isZero()) {
			throw new IllegalArgumentException("snapshot-interval must be positive");
		}
	}

	boolean persistent() {
		return directory != null;
	}
}
