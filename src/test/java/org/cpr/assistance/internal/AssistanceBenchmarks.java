package org.cpr.assistance.internal;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.cpr.assistance.Availability;
import org.cpr.assistance.Modality;
import org.cpr.shared.PersonId;
import org.cpr.support.MutableClock;
import org.cpr.support.MutableClockConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

/**
 * Measures (never gates) the availability search over 20 clinicians with a year of
 * weekday slots each (41,600 slots), and the note envelope encryption throughput. Not
 * part of the build (the name matches no Surefire include): run with
 * {@code ./mvnw test -Dtest=AssistanceBenchmarks -Dsurefire.failIfNoSpecifiedTests=false}.
 * Results: docs/benchmarks.md. The booking burst is {@code BookingBurstTests} /
 * {@code BookingBurstPostgresIT}.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(MutableClockConfiguration.class)
class AssistanceBenchmarks {

	@Autowired
	Availability availability;

	@Autowired
	EnvelopeCipher cipher;

	@Autowired
	MutableClock clock;

	@Test
	void availabilitySearchOverTwentyClinicianYears() {
		clock.set(Instant.parse("2026-03-02T06:00:00Z"));
		ZoneId zone = ZoneId.of("America/Denver");
		LocalDate first = LocalDate.of(2026, 3, 3);
		Set<DayOfWeek> weekdays = Set.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
				DayOfWeek.FRIDAY);
		long seeding = System.nanoTime();
		int published = 0;
		for (int c = 0; c < 20; c++) {
			published += availability
				.publish(new PersonId(UUID.randomUUID()), new Availability.Plan(first, first.plusDays(364), weekdays,
						LocalTime.of(8, 0), 50, 8, zone, c % 3 == 0 ? Modality.IN_PERSON : Modality.VIDEO))
				.size();
		}
		System.out.printf("published %d slots in %d ms%n", published, (System.nanoTime() - seeding) / 1_000_000);
		java.util.Random random = new java.util.Random(7);
		for (int i = 0; i < 50; i++) {
			search(random);
		}
		long[] samples = new long[500];
		for (int i = 0; i < samples.length; i++) {
			long t = System.nanoTime();
			search(random);
			samples[i] = System.nanoTime() - t;
		}
		Arrays.sort(samples);
		System.out.printf(
				"availability search (28 days, up to 300 slots, any modality or one): p50 %.2f ms, p95 %.2f ms, max %.2f ms%n",
				samples[250] / 1e6, samples[475] / 1e6, samples[499] / 1e6);
	}

	private void search(java.util.Random random) {
		Instant from = Instant.parse("2026-03-02T06:00:00Z").plus(Duration.ofDays(random.nextInt(330)));
		Modality modality = random.nextBoolean() ? null : Modality.values()[random.nextInt(3)];
		availability.search(from, from.plus(Duration.ofDays(28)), modality, null, 300);
	}

	@Test
	void noteEnvelopeEncryptionThroughput() {
		List<String> keys = new ArrayList<>();
		List<UUID> episodes = new ArrayList<>();
		for (int i = 0; i < 100; i++) {
			UUID episode = UUID.randomUUID();
			episodes.add(episode);
			keys.add(cipher.newWrappedKey(episode));
		}
		String note = "x".repeat(2000);
		int n = 20_000;
		for (int i = 0; i < 2000; i++) {
			cipher.open(keys.get(i % 100), episodes.get(i % 100),
					cipher.seal(keys.get(i % 100), episodes.get(i % 100), note, "n"), "n");
		}
		long t = System.nanoTime();
		List<String> sealed = new ArrayList<>(n);
		for (int i = 0; i < n; i++) {
			sealed.add(cipher.seal(keys.get(i % 100), episodes.get(i % 100), note, "note:" + i));
		}
		long sealNs = System.nanoTime() - t;
		t = System.nanoTime();
		for (int i = 0; i < n; i++) {
			cipher.open(keys.get(i % 100), episodes.get(i % 100), sealed.get(i), "note:" + i);
		}
		long openNs = System.nanoTime() - t;
		System.out.printf(
				"note envelope encryption (2,000-character notes, 100 episode keys): seal %.0f notes/s, open %.0f notes/s%n",
				n / (sealNs / 1e9), n / (openNs / 1e9));
	}

}
