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

	/**
	 * A cron job fires at the same wall-clock second on every node; a fast job finishes
	 * and releases its lock before a node whose clock is a little behind fires, which
	 * then runs it a second time. Every cron job's lock is therefore held for a minimum
	 * time, longer than the clocks can differ and shorter than its longest hold.
	 */
	@Test
	void everyCronJobHoldsItsLockForAMinimumTime() {
		List<JavaMethod> cron = SCHEDULED.stream()
			.filter(m -> !m.getAnnotationOfType(Scheduled.class).cron().isEmpty())
			.filter(m -> m.isAnnotatedWith(SchedulerLock.class))
			.toList();
		assertThat(cron).as("the scan finds the cron jobs").hasSizeGreaterThan(5);
		for (JavaMethod m : cron) {
			SchedulerLock lock = m.getAnnotationOfType(SchedulerLock.class);
			String name = m.getOwner().getName() + "." + m.getName();
			assertThat(lock.lockAtLeastFor()).as(name + ": @SchedulerLock(lockAtLeastFor = …)").isNotBlank();
			java.time.Duration atLeast = java.time.Duration.parse(defaultOf(lock.lockAtLeastFor()));
			assertThat(atLeast).as(name + " lockAtLeastFor").isPositive();
			assertThat(atLeast).as(name + " lockAtLeastFor ≤ lockAtMostFor")
				.isLessThanOrEqualTo(java.time.Duration.parse(defaultOf(lock.lockAtMostFor())));
		}
	}

	/**
	 * The audit checkpoint is promised once per period across the cluster (not only
	 * "never two at once"): each node's fixed-delay timer has its own phase, so the lock
	 * must be held for the whole period, read from the same setting as the period.
	 */
	@Test
	void theAuditCheckpointHoldsItsLockForItsWholePeriod() {
		JavaMethod job = SCHEDULED.stream()
			.filter(m -> m.getOwner().getName().equals("org.cpr.audit.internal.AuditCheckpoints"))
			.findFirst()
			.orElseThrow();
		String period = job.getAnnotationOfType(Scheduled.class).fixedDelayString();
		SchedulerLock lock = job.getAnnotationOfType(SchedulerLock.class);
		assertThat(period).startsWith("${cpr.audit.checkpoint-every");
		assertThat(lock.lockAtLeastFor()).as("lockAtLeastFor is the period").isEqualTo(period);
		assertThat(java.time.Duration.parse(defaultOf(lock.lockAtMostFor())))
			.isGreaterThanOrEqualTo(java.time.Duration.parse(defaultOf(lock.lockAtLeastFor())));
	}

	/** The value of a literal, or the default of a {@code ${key:default}} placeholder. */
	private static String defaultOf(String value) {
		if (value.startsWith("${") && value.endsWith("}")) {
			int colon = value.indexOf(':');
			assertThat(colon).as(value + " has a default").isPositive();
			return value.substring(colon + 1, value.length() - 1);
		}
		return value;
	}

}
