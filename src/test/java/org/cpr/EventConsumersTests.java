package org.cpr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaConstructorCall;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Every event a module publishes has a consumer (issue #12): an event nobody listens to
 * is API surface and transaction work for nothing, and suggests a reaction (e.g.
 * evaluation counting participation) that does not happen. Published types are the
 * {@code org.cpr} objects constructed on the line of a {@code publishEvent(...)} call.
 */
class EventConsumersTests {

	@Test
	void everyPublishedEventHasAListener() {
		Set<JavaClass> listened = ArchitectureTests.CLASSES.stream()
			.flatMap(c -> c.getMethods().stream())
			.filter(EventConsumersTests::isListener)
			.flatMap(m -> m.getRawParameterTypes().stream())
			.collect(Collectors.toSet());
		Set<JavaClass> published = ArchitectureTests.CLASSES.stream()
			.flatMap(c -> c.getCodeUnits().stream())
			.flatMap(EventConsumersTests::published)
			.collect(Collectors.toSet());
		assertThat(published).as("the check finds publishers").isNotEmpty();
		List<String> unconsumed = published.stream()
			.filter(event -> listened.stream().noneMatch(l -> event.isAssignableTo(l.getName())))
			.map(JavaClass::getName)
			.sorted()
			.toList();
		assertThat(unconsumed).as("published events without a listener: consume them or stop publishing").isEmpty();
	}

	/**
	 * Records constructed on the line of a publishEvent call, less the arguments of
	 * another record built in the same statement (new Event(id, new PersonId(p))). A
	 * publish whose event is built on a later line or in a variable is not seen: the
	 * check is a tripwire, not a proof.
	 */
	private static java.util.stream.Stream<JavaClass> published(JavaCodeUnit unit) {
		Set<Integer> lines = unit.getMethodCallsFromSelf()
			.stream()
			.filter(call -> call.getTargetOwner().isAssignableTo(ApplicationEventPublisher.class)
					&& call.getName().equals("publishEvent"))
			.map(JavaMethodCall::getLineNumber)
			.collect(Collectors.toSet());
		List<JavaConstructorCall> statement = unit.getConstructorCallsFromSelf()
			.stream()
			.filter(call -> lines.stream().anyMatch(l -> call.getLineNumber() >= l && call.getLineNumber() <= l + 3))
			.toList();
		return statement.stream()
			.filter(call -> lines.contains(call.getLineNumber()))
			.map(JavaConstructorCall::getTargetOwner)
			.filter(type -> type.isRecord() && type.getPackageName().startsWith("org.cpr"))
			.filter(type -> statement.stream()
				.noneMatch(outer -> outer.getTarget()
					.getRawParameterTypes()
					.stream()
					.anyMatch(p -> p.getName().equals(type.getName()))));
	}

	private static boolean isListener(JavaMethod m) {
		return m.isAnnotatedWith(ApplicationModuleListener.class) || m.isAnnotatedWith(EventListener.class)
				|| m.isAnnotatedWith(TransactionalEventListener.class);
	}

}
