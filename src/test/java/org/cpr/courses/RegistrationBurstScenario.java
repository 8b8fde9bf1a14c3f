package org.cpr.courses;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.cpr.shared.PersonId;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Many people try to take the last seats of an offering in the same instant: exactly the
 * free seats are taken, everyone else is waitlisted in the order their requests were
 * decided, nobody is lost and nobody is registered twice.
 */
abstract class RegistrationBurstScenario {

	@Autowired
	CourseCatalogue catalogue;

	@Autowired
	Registrations registrations;

	@Autowired
	JdbcClient jdbc;

	void burst(int capacity, int alreadySeated, int attempts) throws Exception {
		OfferingId offering = catalogue.create(CourseFixtures.plan("Burst " + UUID.randomUUID(), capacity, 1,
				AttendanceVisibility.REPORTED_TO_PROGRAM, Set.of()), null);
		for (int i = 0; i < alreadySeated; i++) {
			registrations.register(offering, new PersonId(UUID.randomUUID()), Set.of());
		}
		int free = capacity - alreadySeated;
		List<PersonId> people = new ArrayList<>();
		for (int i = 0; i < attempts; i++) {
			people.add(new PersonId(UUID.randomUUID()));
		}
		ConcurrentLinkedQueue<Registration> results = new ConcurrentLinkedQueue<>();
		ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
		ConcurrentLinkedQueue<Long> micros = new ConcurrentLinkedQueue<>();
		CountDownLatch start = new CountDownLatch(1);
		long began;
		try (ExecutorService pool = Executors.newFixedThreadPool(Math.min(attempts, 200))) {
			for (PersonId person : people) {
				pool.submit(() -> {
					try {
						start.await();
						long t = System.nanoTime();
						results.add(registrations.register(offering, person, Set.of()));
						micros.add((System.nanoTime() - t) / 1_000);
						// the same person pressing twice changes nothing
						try {
							registrations.register(offering, person, Set.of());
							failures.add(new AssertionError("registered twice"));
						}
						catch (RegistrationRefused expected) {
							assertThat(expected.reason()).isEqualTo(RegistrationRefused.Reason.ALREADY_REGISTERED);
						}
					}
					catch (Throwable t) {
						failures.add(t);
					}
				});
			}
			began = System.nanoTime();
			start.countDown();
			pool.shutdown();
			assertThat(pool.awaitTermination(5, TimeUnit.MINUTES)).isTrue();
		}
		long millis = (System.nanoTime() - began) / 1_000_000;
		List<Long> sorted = new ArrayList<>(micros);
		Collections.sort(sorted);
		System.out.printf(
				"registration burst: %d attempts for %d free seats in %d ms (%.0f/s incl. a second press each); "
						+ "latency of a registration under the burst: median %.1f ms, p95 %.1f ms%n",
				attempts, free, millis, attempts * 1000.0 / Math.max(1, millis), sorted.get(sorted.size() / 2) / 1000.0,
				sorted.get((int) (sorted.size() * 0.95)) / 1000.0);

		assertThat(failures).isEmpty();
		assertThat(results).hasSize(attempts);
		List<Registration> seated = results.stream().filter(r -> r.status() == RegistrationStatus.SEATED).toList();
		List<Registration> waiting = results.stream().filter(r -> r.status() == RegistrationStatus.WAITLISTED).toList();
		assertThat(seated).as("exactly the free seats are taken").hasSize(free);
		assertThat(waiting).hasSize(attempts - free);

		Offering after = catalogue.find(offering).orElseThrow();
		assertThat(after.seatsTaken()).isEqualTo(capacity);
		assertThat(after.waitlisted()).isEqualTo(attempts - free);
		List<Registration> roster = registrations.roster(offering);
		assertThat(roster).hasSize(capacity + attempts - free);
		assertThat(roster.stream().filter(r -> r.status() == RegistrationStatus.SEATED)).hasSize(capacity);
		assertThat(jdbc.sql("SELECT COUNT(DISTINCT person_id) FROM course_registration WHERE offering_id = ?")
			.param(offering.value())
			.query(Long.class)
			.single()).isEqualTo((long) alreadySeated + attempts);

		// arrival order: every seat of the burst went to an earlier arrival than every
		// waitlist place
		long lastSeat = seated.stream().mapToLong(Registration::arrival).max().orElseThrow();
		long firstWait = waiting.stream().mapToLong(Registration::arrival).min().orElseThrow();
		assertThat(lastSeat).isLessThan(firstWait);
		List<Long> arrivals = new ArrayList<>(results.stream().map(Registration::arrival).toList());
		Collections.sort(arrivals);
		for (int i = 0; i < arrivals.size(); i++) {
			assertThat(arrivals.get(i)).as("arrival numbers are distinct and gap-free")
				.isEqualTo(alreadySeated + 1L + i);
		}
		List<Registration> waitlist = roster.stream().filter(r -> r.status() == RegistrationStatus.WAITLISTED).toList();
		for (int i = 0; i < waitlist.size(); i++) {
			assertThat(waitlist.get(i).waitlistPosition()).isEqualTo(i + 1);
		}

		// a freed seat goes to the first on the waitlist
		registrations.cancel(offering, seated.get(0).person(), false);
		Registration first = waitlist.get(0);
		assertThat(registrations.find(offering, first.person()).orElseThrow().status())
			.isEqualTo(RegistrationStatus.SEATED);
		assertThat(registrations.find(offering, waitlist.get(1).person()).orElseThrow().waitlistPosition())
			.isEqualTo(1);
		assertThat(catalogue.find(offering).orElseThrow().seatsTaken()).isEqualTo(capacity);
	}

}
