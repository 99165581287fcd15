package io.retailhub.bench;

import java.util.function.Function;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import org.slf4j.LoggerFactory;

/** What the benchmark programs' {@code main} methods share. */
final class Programs {

	/** A benchmark's run: its exit status. */
	interface Run<O> {

		int run(O options) throws Exception;

	}

	private Programs() {
	}

	/**
	 * Parses the options (a refusal is printed, exit 2), runs the benchmark (what it throws is
	 * printed, exit 1), then ends the JVM with the run's status: Kafka's and the servers' leftover
	 * threads must not keep the JVM (or Maven) waiting.
	 */
	static <O> void main(String[] args, Function<String[], O> parse, Run<O> run) {
		O options;
		try {
			options = parse.apply(args);
		}
		catch (IllegalArgumentException ex) {
			System.err.println(ex.getMessage());
			System.exit(2);
			return;
		}
		int status;
		try {
			status = run.run(options);
		}
		catch (Exception | Error ex) {
			ex.printStackTrace();
			status = 1;
		}
		System.exit(status);
	}

	/** The program's own console shows warnings only until the services start logging to their file. */
	static void quietUntilTheServicesLog() {
		if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logback) {
			logback.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(Level.WARN);
		}
	}
}
