package io.retailhub.process.platform;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The platform stands alone under the domain: the domain knows its public face, never the reverse. */
@AnalyzeClasses(packages = "io.retailhub.process", importOptions = ImportOption.DoNotIncludeTests.class)
class PlatformArchitectureTests {

	@ArchTest
	static final ArchRule platformKnowsNoDomain = noClasses().that()
		.resideInAPackage("..process.platform..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("..process.returns..", "..process.refunds..", "..process.workflows..",
				"..process.systemapi..")
		.because("the platform serves every workflow and must not grow around one");

	@ArchTest
	static final ArchRule internalsStayInsideThePlatform = classes().that()
		.resideInAPackage("..process.platform.internal..")
		.should()
		.onlyBeAccessed()
		.byAnyPackage("..process.platform..");

	@ArchTest
	static final ArchRule platformPackagesAreFreeOfCycles = slices().matching("io.retailhub.process.platform.(*)..")
		.should()
		.beFreeOfCycles();

	@ArchTest
	static final ArchRule kafkaLeavesOnlyThroughTheOutbox = noClasses().that()
		.resideOutsideOfPackages("..process.platform.outbox..", "..process.platform.kafka..",
				"..process.platform.deadletters..")
		.should()
		.dependOnClassesThat()
		.haveFullyQualifiedName("org.springframework.kafka.core.KafkaTemplate")
		.because("events leave in the transaction of their state change, through the outbox");

	@ArchTest
	static final ArchRule controllersStayPackagePrivate = classes().that()
		.areAnnotatedWith(org.springframework.web.bind.annotation.RestController.class)
		.should()
		.notBePublic();

}
