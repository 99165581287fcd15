package io.retailhub.contracts;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The contracts are a published language: plain Java that any layer or client can take. */
@AnalyzeClasses(packages = "io.retailhub.contracts", importOptions = ImportOption.DoNotIncludeTests.class)
class ContractsArchitectureTests {

	@ArchTest
	static final ArchRule noFrameworks = noClasses().should()
		.dependOnClassesThat()
		.resideInAnyPackage("org.springframework..", "jakarta.persistence..", "org.hibernate..", "tools.jackson..",
				"org.apache.kafka..")
		.because("common-contracts is shared by every layer and must stay free of frameworks");

	@ArchTest
	static final ArchRule noFloatingPointFields = noFields().should()
		.haveRawType(double.class)
		.orShould()
		.haveRawType(float.class)
		.orShould()
		.haveRawType(Double.class)
		.because("money and quantities are exact: BigDecimal with a currency, never double");
}
