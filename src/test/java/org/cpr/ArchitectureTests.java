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
import java.util.List;
import java.util.Map;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import jakarta.persistence.Entity;
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
			.areAnnotatedWith(Entity.class)
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

	/**
	 * Production and test classes: a test in another package also needs a type public.
	 */
	static final JavaClasses WITH_TESTS = new ClassFileImporter().importPackages("org.cpr");

	/**
	 * Spring needs no public class: it creates package-private beans, Spring Data
	 * repositories, JPA entities and listeners alike. Java does: a type in
	 * {@code internal/} that the module's API in the root package, a sibling package or a
	 * test in another package reaches must be public. So an internal type is public only
	 * when a class of another package uses it, or when it is on this list, each with its
	 * reason (keep it short).
	 */
	static final Map<String, String> PUBLIC_FOR_OTHER_REASONS = Map.of("org.cpr.audit.internal.AppendOnlyTrigger",
			"H2 creates the append-only trigger by class name (CREATE TRIGGER ... CALL), "
					+ "which takes a public class with a public constructor");

	@Test
	void internalTypesArePublicOnlyWhenAnotherPackageUsesThem() {
		classes().that()
			.resideInAPackage("..internal..")
			.and()
			.areTopLevelClasses()
			.and()
			.arePublic()
			.should(new ArchCondition<JavaClass>("be used from another package or be on the documented list") {
				@Override
				public void check(JavaClass type, ConditionEvents events) {
					JavaClass seen = WITH_TESTS.get(type.getName());
					boolean usedOutside = seen.getDirectDependenciesToSelf()
						.stream()
						.anyMatch(d -> !d.getOriginClass().getPackageName().equals(type.getPackageName()));
					if (!usedOutside && !PUBLIC_FOR_OTHER_REASONS.containsKey(type.getName())) {
						events.add(SimpleConditionEvent.violated(type, type.getName()
								+ " is public but only its own package uses it: make it package-private"));
					}
				}
			})
			.because("module internals are reached only through the module's API (CONVENTIONS.md)")
			.check(CLASSES);
	}

	/**
	 * Modules (and sub-packages such as {@code safety.checkin}) in the one shape
	 * (CONVENTIONS.md): the root package is the API with the controllers and forms beside
	 * it; {@code internal/} implements it. Neither the root's main nor its test classes
	 * reach an {@code internal} package of their module.
	 */
	// @formatter:off
	static final List<String> CONVERTED = List.of("assessment", "assistance", "audit", "calendar", "courses", "cqi", "curriculum", "directory", "disclosure", "evaluation", "groups", "identity", "needs", "notification", "peersupport", "questionnaire", "safety", "safety.checkin", "survey");
	// @formatter:on

	@Test
	void rootPackagesNeverReachTheirInternals() {
		for (String module : CONVERTED) {
			String root = "org.cpr." + module;
			String top = "org.cpr." + module.split("\\.")[0];
			noClasses().that()
				.resideInAPackage(root)
				.should()
				.dependOnClassesThat()
				.resideInAPackage(top + "..internal..")
				.because("the root package (API, controllers, forms and their tests) calls only the module's API; "
						+ "internal/ implements it (CONVENTIONS.md)")
				.check(WITH_TESTS);
		}
	}

	@Test
	void convertedModulesHaveNoPublicInternals() {
		for (String module : CONVERTED) {
			classes().that()
				.resideInAPackage("org.cpr." + module + ".internal..")
				.and()
				.areTopLevelClasses()
				.and(DescribedPredicate.describe("not on the documented list",
						(JavaClass type) -> !PUBLIC_FOR_OTHER_REASONS.containsKey(type.getName())))
				.should()
				.notBePublic()
				.because("the root package's API is the module's only door; a test that needs an internal type "
						+ "lives in the test tree's internal package (CONVENTIONS.md)")
				.allowEmptyShould(true)
				.check(CLASSES);
		}
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
	void formMessagesGoThroughFormErrors() {
		noClasses().that()
			.doNotBelongToAnyOf(org.cpr.shared.FormErrors.class)
			.should()
			.callMethodWhere(com.tngtech.archunit.core.domain.JavaCall.Predicates
				.target(com.tngtech.archunit.base.DescribedPredicate.describe("Errors.rejectValue",
						target -> target.getName().equals("rejectValue")
								&& target.getOwner().isAssignableTo(org.springframework.validation.Errors.class))))
			.because("Errors.rejectValue throws when a typed field of a form record could not be converted "
					+ "(a 500 instead of the form with its messages); FormErrors.rejectValue does not")
			.check(CLASSES);
	}

	@Test
	void noStackTracePrinting() {
		noClasses().should().callMethod(Throwable.class, "printStackTrace").check(CLASSES);
	}

}
