package org.cpr.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.junit.jupiter.api.Test;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Several nodes run the same jobs: every {@code @Scheduled} method takes a cluster-wide
 * ShedLock with a name of its own, unless it only touches the memory of the node it runs
 * on (listed here, with why).
 */
class ScheduledJobsTests {

	/**
	 * Jobs that must run on every node, because what they work on lives in that node's
	 * memory.
	 */
	static final Map<String, String> PER_NODE = Map.of("org.cpr.identity.internal.ApiTokenAuthenticator.flushUse",
			"writes this node's buffered token last-use times; each node has its own buffer");

	static final List<JavaMethod> SCHEDULED = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("org.cpr")
		.stream()
		.flatMap(c -> c.getMethods().stream())
		.filter(m -> m.isAnnotatedWith(Scheduled.class))
		.toList();

	@Test
	void everyScheduledJobRunsOnOneNodeAtATime() {
		assertThat(SCHEDULED).as("the scan finds the jobs").hasSizeGreaterThan(10);
		List<String> unlocked = SCHEDULED.stream()
			.filter(m -> !m.isAnnotatedWith(SchedulerLock.class))
			.map(m -> m.getOwner().getName() + "." + m.getName())
			.filter(name -> !PER_NODE.containsKey(name))
			.toList();
		assertThat(unlocked).as("@Scheduled without @SchedulerLock (add one, or list it in PER_NODE with a reason)")
			.isEmpty();
	}

	@Test
	void everyLockHasItsOwnName() {
		List<String> names = new ArrayList<>();
		SCHEDULED.stream()
			.filter(m -> m.isAnnotatedWith(SchedulerLock.class))
			.forEach(m -> names.add(m.getAnnotationOfType(SchedulerLock.class).name()));
		assertThat(names).doesNotHaveDuplicates()
			.allSatisfy(n -> assertThat(n).isNotBlank().hasSizeLessThanOrEqualTo(64));
	}

	@Test
	void perNodeExceptionsStillExist() {
		List<String> all = SCHEDULED.stream().map(m -> m.getOwner().getName() + "." + m.getName()).toList();
		assertThat(all).containsAll(PER_NODE.keySet());
	}

}
