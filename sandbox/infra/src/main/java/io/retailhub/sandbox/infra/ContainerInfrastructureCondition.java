package io.retailhub.sandbox.infra;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Skips the integration suites (test classes named {@code *IntegrationTests}, the ones that run on
 * the {@link SharedInfrastructure shared servers}) where the testcontainers profile selects the
 * containers and no Docker engine answers, with one message: {@value SharedInfrastructure#NO_DOCKER}.
 * Everything else runs as usual, and so does everything on the embedded servers.
 *
 * <p>The testcontainers Maven profile registers it in every test JVM that has this module on its
 * class path (JUnit's extension auto-detection of {@code META-INF/services}, limited to
 * {@code io.retailhub.*}); the default build does not load it. A class that reaches the shared
 * servers under another name is not skipped: it fails, saying the same, and never falls back to
 * the embedded servers.
 */
public final class ContainerInfrastructureCondition implements ExecutionCondition {

	/** The suffix of the project's integration suites (unit tests end in {@code Tests} alone). */
	static final String INTEGRATION_SUITE = "IntegrationTests";

	private static boolean announced;

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		ConditionEvaluationResult result = evaluate(SharedInfrastructure.kind(),
				context.getTestClass().map(ContainerInfrastructureCondition::suite).orElse(null),
				SharedInfrastructure::dockerAvailable);
		if (result.isDisabled()) {
			announceOnce();
		}
		return result;
	}

	/**
	 * The message, once per test JVM, on the console of whoever runs the tests: the JVM's own
	 * standard error, which Maven's surefire and failsafe print as it is, where what tests write to
	 * {@code System.err} goes to their report files (and the skipped classes' reports carry it too).
	 */
	private static synchronized void announceOnce() {
		if (announced) {
			return;
		}
		announced = true;
		// not closed: that would close the JVM's standard error
		PrintStream console = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
		console.println("[WARNING] " + SharedInfrastructure.NO_DOCKER);
	}

	/**
	 * The decision for a suite (the simple name of a top-level test class; null for the engine
	 * itself) in a JVM whose tests run on servers of the given kind. Docker is asked only where it matters.
	 */
	static ConditionEvaluationResult evaluate(SharedInfrastructure.Kind kind, String suite, BooleanSupplier docker) {
		if (kind != SharedInfrastructure.Kind.TESTCONTAINERS) {
			return ConditionEvaluationResult.enabled("on the embedded servers");
		}
		if (suite == null || !suite.endsWith(INTEGRATION_SUITE)) {
			return ConditionEvaluationResult.enabled("not an integration suite: needs no server");
		}
		if (docker.getAsBoolean()) {
			return ConditionEvaluationResult.enabled("Docker is available: on PostgreSQL and Kafka containers");
		}
		return ConditionEvaluationResult.disabled(SharedInfrastructure.NO_DOCKER);
	}

	/** The suite a test class belongs to: the simple name of its top-level class (a nested class is part of it). */
	static String suite(Class<?> testClass) {
		Class<?> outer = testClass;
		while (outer.getEnclosingClass() != null) {
			outer = outer.getEnclosingClass();
		}
		return outer.getSimpleName();
	}

}
