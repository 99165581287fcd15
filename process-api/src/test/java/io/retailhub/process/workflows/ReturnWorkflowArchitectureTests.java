package io.retailhub.process.workflows;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Keeps returns and refunds as features with a small public face, calling backends only through the system API. */
class ReturnWorkflowArchitectureTests {

	private static final JavaClasses CLASSES = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("io.retailhub.process");

	@Test
	void entitiesNeverLeaveTheirPackage() {
		classes().that()
			.areAnnotatedWith(jakarta.persistence.Entity.class)
			.and()
			.resideInAnyPackage("..process.returns..", "..process.refunds..")
			.should()
			.notBePublic()
			.check(CLASSES);
	}

	@Test
	void refundsKnowNothingOfReturns() {
		noClasses().that()
			.resideInAPackage("..process.refunds..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("..process.returns..")
			.check(CLASSES);
	}

	@Test
	void controllersUseOnlyTheFeaturesPublicFace() {
		noClasses().that()
			.resideInAnyPackage("..process.returns.web..", "..process.refunds.web..", "..process.workflows.web..")
			.should()
			.dependOnClassesThat()
			.haveSimpleNameEndingWith("Repository")
			.check(CLASSES);
	}

	@Test
	void backendsAreReachedOnlyThroughTheSystemApi() {
		noClasses().that()
			.resideInAnyPackage("..process.returns..", "..process.refunds..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework.web.client..", "java.net.http..")
			.check(CLASSES);
	}
}
