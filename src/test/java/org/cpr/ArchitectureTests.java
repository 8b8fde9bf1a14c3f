package org.cpr;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

/** The conventions Modulith does not check (CONVENTIONS.md). */
class ArchitectureTests {

	static final JavaClasses CLASSES = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("org.cpr");

	@Test
	void timeComesFromTheInjectedClock() {
		noClasses().should()
			.callMethod(Instant.class, "now")
			.orShould()
			.callMethod(LocalDate.class, "now")
			.orShould()
			.callMethod(LocalDateTime.class, "now")
			.orShould()
			.callMethod(ZonedDateTime.class, "now")
			.orShould()
			.callMethod(System.class, "currentTimeMillis")
			.because("tests control time through java.time.Clock (deadlines, escalation, expiry)")
			.check(CLASSES);
	}

	@Test
	void entitiesAreModuleInternals() {
		classes().that()
			.areAnnotatedWith(jakarta.persistence.Entity.class)
			.should()
			.resideInAPackage("..internal..")
			.because("modules exchange ids and events, never entities")
			.check(CLASSES);
	}

	@Test
	void controllersAreNotPublic() {
		classes().that()
			.areAnnotatedWith(Controller.class)
			.or()
			.areAnnotatedWith(RestController.class)
			.should()
			.notBePublic()
			.because("a module's API is its service classes, not its web layer")
			.check(CLASSES);
	}

	@Test
	void controllersCallOnlyTheirModulesApi() {
		noClasses().that()
			.areAnnotatedWith(Controller.class)
			.or()
			.areAnnotatedWith(RestController.class)
			.should()
			.dependOnClassesThat()
			.resideInAPackage("..internal..")
			.because("controllers sit beside the module's API and call only that (CONVENTIONS.md)")
			.check(CLASSES);
	}

	@Test
	void noFieldInjection() {
		fields().should()
			.notBeAnnotatedWith(Autowired.class)
			.because("constructor injection keeps classes testable")
			.check(CLASSES);
	}

	@Test
	void noConsoleOutputOrJulLogging() {
		NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS.check(CLASSES);
		NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING.check(CLASSES);
	}

	@Test
	void noStackTracePrinting() {
		noClasses().should().callMethod(Throwable.class, "printStackTrace").check(CLASSES);
	}

}
