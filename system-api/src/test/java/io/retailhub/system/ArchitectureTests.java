package io.retailhub.system;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The system API's shape: adapters own their dialect, features compose adapters, nothing loops. */
@AnalyzeClasses(packages = "io.retailhub.system", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

	static final String[] ADAPTERS = { "..system.erp..", "..system.crm..", "..system.payment..",
			"..system.warehouse..", "..system.commerce.." };

	@ArchTest
	static final ArchRule onlyAdaptersSpeakHttpToBackends = noClasses().that()
		.resideOutsideOfPackages(concat(ADAPTERS, "..system.backend.."))
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("org.springframework.web.client..", "java.net.http..")
		.because("the rest of the hub never sees a backend's dialect");

	@ArchTest
	static final ArchRule adaptersDoNotKnowEachOther = slices().matching("io.retailhub.system.(erp|crm|payment|warehouse|commerce)..")
		.should()
		.notDependOnEachOther();

	@ArchTest
	static final ArchRule featuresAreFreeOfCycles = slices().matching("io.retailhub.system.(*)..")
		.should()
		.beFreeOfCycles();

	@ArchTest
	static final ArchRule adaptersDoNotServeHttp = noClasses().that()
		.resideInAnyPackage(ADAPTERS)
		.should()
		.beAnnotatedWith(org.springframework.web.bind.annotation.RestController.class)
		.because("adapters translate; features expose capabilities");

	@ArchTest
	static final ArchRule controllersStayPackagePrivate = classes().that()
		.areAnnotatedWith(org.springframework.web.bind.annotation.RestController.class)
		.should()
		.notBePublic();

	@ArchTest
	static final ArchRule adapterPublicFacesAreSmall = classes().that()
		.resideInAnyPackage(ADAPTERS)
		.and()
		.arePublic()
		.should()
		.haveSimpleNameEndingWith("Adapter")
		.orShould()
		.haveSimpleNameEndingWith("Settings")
		.orShould()
		.beRecords()
		.because("vendor DTOs and clients stay inside their adapter package");

	private static String[] concat(String[] a, String b) {
		String[] all = java.util.Arrays.copyOf(a, a.length + 1);
		all[a.length] = b;
		return all;
	}
}
