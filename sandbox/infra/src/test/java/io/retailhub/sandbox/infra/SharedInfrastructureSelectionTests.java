package io.retailhub.sandbox.infra;

import java.util.function.BooleanSupplier;

import io.retailhub.sandbox.infra.SharedInfrastructure.Kind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Which servers {@link SharedInfrastructure} starts: the embedded ones unless the property selects
 * the containers, and never the embedded ones when it does. Runs without Docker (a Docker engine's
 * answer is given here), so it also runs, and must pass, under the testcontainers profile.
 */
class SharedInfrastructureSelectionTests {

	private static final BooleanSupplier NO_DOCKER = () -> false;

	private static final BooleanSupplier DOCKER_NOT_ASKED = () -> {
		throw new AssertionError("the embedded servers asked whether Docker is available");
	};

	@Test
	void selectsTheEmbeddedServersWithoutTheProperty() {
		assertThat(Kind.of(null)).isEqualTo(Kind.EMBEDDED);
		assertThat(Kind.of("")).isEqualTo(Kind.EMBEDDED);
		assertThat(Kind.of("  ")).isEqualTo(Kind.EMBEDDED);
		assertThat(Kind.of("embedded")).isEqualTo(Kind.EMBEDDED);
	}

	@Test
	void selectsTheContainersUnderTheProperty() {
		assertThat(Kind.of("testcontainers")).isEqualTo(Kind.TESTCONTAINERS);
		assertThat(Kind.of(" Testcontainers ")).isEqualTo(Kind.TESTCONTAINERS);
	}

	@Test
	void refusesAValueItDoesNotKnowInsteadOfFallingBack() {
		assertThatIllegalArgumentException().isThrownBy(() -> Kind.of("docker"))
			.withMessage("retailhub.test.infrastructure=docker selects no servers: use embedded (the default) or testcontainers");
	}

	@Test
	void readsTheSystemProperty() {
		String before = System.getProperty(SharedInfrastructure.PROPERTY);
		try {
			System.setProperty(SharedInfrastructure.PROPERTY, "testcontainers");
			assertThat(SharedInfrastructure.kind()).isEqualTo(Kind.TESTCONTAINERS);

			System.clearProperty(SharedInfrastructure.PROPERTY);
			assertThat(SharedInfrastructure.kind()).isEqualTo(Kind.EMBEDDED);
		}
		finally {
			if (before == null) {
				System.clearProperty(SharedInfrastructure.PROPERTY);
			}
			else {
				System.setProperty(SharedInfrastructure.PROPERTY, before);
			}
		}
	}

	@Test
	void theEmbeddedPathStartsTheEmbeddedServersWithoutAskingForDocker() {
		try (PostgresServer postgres = SharedInfrastructure.startPostgres(Kind.EMBEDDED, DOCKER_NOT_ASKED);
				KafkaBroker kafka = SharedInfrastructure.startKafka(Kind.EMBEDDED, DOCKER_NOT_ASKED)) {
			assertThat(postgres).isInstanceOf(LocalPostgres.class);
			assertThat(kafka).isInstanceOf(LocalKafka.class);
		}
	}

	@Test
	void theContainerPathWithoutDockerRefusesAndNeverFallsBackToTheEmbeddedServers() {
		assertThatIllegalStateException().isThrownBy(() -> SharedInfrastructure.startPostgres(Kind.TESTCONTAINERS, NO_DOCKER))
			.withMessageStartingWith(SharedInfrastructure.NO_DOCKER)
			.withMessageContaining("PostgreSQL was asked for while retailhub.test.infrastructure=testcontainers");
		assertThatIllegalStateException().isThrownBy(() -> SharedInfrastructure.startKafka(Kind.TESTCONTAINERS, NO_DOCKER))
			.withMessageStartingWith(SharedInfrastructure.NO_DOCKER)
			.withMessageContaining("Kafka was asked for");
	}

}
