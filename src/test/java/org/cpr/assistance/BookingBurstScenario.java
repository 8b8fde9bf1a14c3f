package org.cpr.assistance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.cpr.shared.PersonId;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Many people try to book the same few slots in the same instant: every slot ends with
 * exactly one appointment, every other attempt is told SLOT_TAKEN, nothing else fails and
 * nobody is booked twice.
 */
abstract class BookingBurstScenario {

	@Autowired
	Availability availability;

	@Autowired
	Bookings bookings;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	/** Returns the wall time of the burst in milliseconds. */
	long burst(int people, int slots) throws Exception {
		PersonId clinician = new PersonId(UUID.randomUUID());
		LocalDate day = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(10);
		List<Slot> open = availability.publish(clinician, new Availability.Plan(day, null, Set.of(), LocalTime.of(8, 0),
				30, slots, AssistanceFixtures.ZONE, Modality.VIDEO));
		assertThat(open).hasSize(slots);
		CountDownLatch start = new CountDownLatch(1);
		AtomicInteger taken = new AtomicInteger();
		ConcurrentHashMap<String, Integer> other = new ConcurrentHashMap<>();
		ExecutorService pool = Executors.newFixedThreadPool(Math.min(people, 32));
		List<Future<?>> all = new ArrayList<>();
		for (int i = 0; i < people; i++) {
			Slot target = open.get(i % slots);
			PersonId person = new PersonId(UUID.randomUUID());
			all.add(pool.submit(() -> {
				start.await();
				try {
					bookings.book(target.id(), person, null, BookingSource.SELF, person);
				}
				catch (AssistanceRefused refused) {
					if (refused.reason() == AssistanceRefused.Reason.SLOT_TAKEN) {
						taken.incrementAndGet();
					}
					else {
						other.merge(refused.reason().name(), 1, Integer::sum);
					}
				}
				catch (RuntimeException unexpected) {
					other.merge(unexpected.getClass().getSimpleName(), 1, Integer::sum);
				}
				return null;
			}));
		}
		long began = System.nanoTime();
		start.countDown();
		for (Future<?> f : all) {
			f.get();
		}
		long millis = (System.nanoTime() - began) / 1_000_000;
		pool.shutdown();
		assertThat(other).as("failures other than a taken slot").isEmpty();
		assertThat(taken.get()).isEqualTo(people - slots);
		for (Slot s : open) {
			assertThat(jdbc.sql("SELECT COUNT(*) FROM assist_appointment WHERE slot_id = ? AND status = 'BOOKED'")
				.param(s.id())
				.query(Long.class)
				.single()).as("appointments of one slot").isEqualTo(1);
		}
		System.out.printf("assistance booking burst: %d people, %d slots, %d ms%n", people, slots, millis);
		return millis;
	}

}
