package io.retailhub.sandbox.infra;

import java.util.ServiceLoader;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import io.retailhub.sandbox.infra.SharedInfrastructure.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.Extension;

import static org.assertj.core.api.Assertions.assertThat;

class ContainerInfrastructureConditionTests {

	private static final BooleanSupplier NO_DOCKER = () -> false;

	private static final BooleanSupplier DOCKER = () -> true;

	private static final BooleanSupplier DOCKER_NOT_ASKED = () -> {
		throw new AssertionError("asked whether Docker is available");
	};

	@Test
	void runsEverythingOnTheEmbeddedServers() {
		assertThat(ContainerInfrastructureCondition.evaluate(Kind.EMBEDDED, "ReturnsIntegrationTests", DOCKER_NOT_ASKED)
			.isDisabled()).isFalse();
	}

	@Test
	void skipsTheIntegrationSuitesWithOneMessageWhereTheContainersHaveNoDocker() {
		// when
		ConditionEvaluationResult result = ContainerInfrastructureCondition.evaluate(Kind.TESTCONTAINERS,
				"ReturnsIntegrationTests", NO_DOCKER);

		// then
		assertThat(result.isDisabled()).isTrue();
		assertThat(result.getReason()).contains(
				"Docker is not available: the testcontainers profile skips the integration suites; run without -Ptestcontainers for the embedded servers");
	}

	@Test
	void runsTheIntegrationSuitesOnTheContainersWhereDockerAnswers() {
		assertThat(ContainerInfrastructureCondition.evaluate(Kind.TESTCONTAINERS, "ReturnsIntegrationTests", DOCKER)
			.isDisabled()).isFalse();
	}

	@Test
	void runsUnitTestsWithoutAskingForDocker() {
		AtomicInteger asked = new AtomicInteger();
		BooleanSupplier docker = () -> asked.incrementAndGet() < 0;

		assertThat(ContainerInfrastructureCondition.evaluate(Kind.TESTCONTAINERS, "RefundAmountsTests", docker)
			.isDisabled()).isFalse();
		assertThat(ContainerInfrastructureCondition.evaluate(Kind.TESTCONTAINERS, null, docker).isDisabled()).isFalse();
		assertThat(asked).hasValue(0);
	}

	@Test
	void countsANestedClassToTheSuiteItIsNestedIn() {
		assertThat(ContainerInfrastructureCondition.suite(Inner.Deeper.class))
			.isEqualTo("ContainerInfrastructureConditionTests");
		assertThat(ContainerInfrastructureCondition.suite(ContainerInfrastructureConditionTests.class))
			.isEqualTo("ContainerInfrastructureConditionTests");
	}

	@Test
	void isFoundByJUnitsExtensionAutoDetection() {
		assertThat(ServiceLoader.load(Extension.class).stream().map(ServiceLoader.Provider::type))
			.contains(ContainerInfrastructureCondition.class);
	}

	static class Inner {

		static class Deeper {

		}

	}

}
