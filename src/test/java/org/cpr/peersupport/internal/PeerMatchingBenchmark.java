package org.cpr.peersupport.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;

import org.cpr.identity.TraineeType;
import org.cpr.shared.OrgUnitId;
import org.cpr.shared.PersonId;
import org.junit.jupiter.api.Test;

/**
 * Measures (never gates) the matching rules: one proposal for each of 30,000 people over
 * a roster of 300 supporters (40 departments, 60 programs, 3 languages, random loads,
 * pauses, lapsed training and program-director grants). Target p95 < 100 ms per proposal.
 * Not part of the build: run with
 * {@code ./mvnw test -Dtest=PeerMatchingBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 * Results: docs/benchmarks.md.
 */
class PeerMatchingBenchmark {

	static final LocalDate TODAY = LocalDate.of(2026, 3, 2);

	@Test
	void proposalsFor30000PeopleOver300Supporters() {
		SplittableRandom random = new SplittableRandom(14);
		List<OrgUnitId> departments = units(40);
		List<OrgUnitId> programs = units(60);
		TraineeType[] types = TraineeType.values();
		String[] languages = { "en", "es", "zh" };
		List<MatchCandidate> roster = new ArrayList<>();
		for (int i = 0; i < 300; i++) {
			Set<String> spoken = new HashSet<>(Set.of("en"));
			if (random.nextInt(4) == 0) {
				spoken.add(languages[1 + random.nextInt(2)]);
			}
			Set<OrgUnitId> led = random.nextInt(20) == 0 ? Set.of(programs.get(random.nextInt(60))) : Set.of();
			roster.add(new MatchCandidate(new PersonId(UUID.randomUUID()), types[random.nextInt(types.length)],
					departments.get(random.nextInt(40)), spoken, random.nextInt(10) != 0,
					random.nextInt(15) == 0 ? TODAY.plusDays(10) : null,
					random.nextInt(12) == 0 ? TODAY.minusDays(3) : TODAY.plusDays(200), random.nextInt(4), 3, led));
		}
		List<MatchSeeker> people = new ArrayList<>();
		for (int i = 0; i < 30_000; i++) {
			int p = random.nextInt(60);
			OrgUnitId dept = departments.get(p % 40);
			Set<PersonId> sameEvent = random.nextInt(5) == 0 ? Set.of(roster.get(random.nextInt(300)).person())
					: Set.of();
			people.add(new MatchSeeker(new PersonId(UUID.randomUUID()), types[random.nextInt(types.length)], dept,
					Set.of(programs.get(p), dept), random.nextInt(6) == 0 ? languages[random.nextInt(3)] : null,
					sameEvent));
		}
		for (int i = 0; i < 3_000; i++) { // warm-up
			SupporterMatcher.propose(people.get(i), roster, TODAY);
		}
		long[] nanos = new long[people.size()];
		int matched = 0;
		long start = System.nanoTime();
		for (int i = 0; i < people.size(); i++) {
			long t = System.nanoTime();
			if (SupporterMatcher.propose(people.get(i), roster, TODAY).isPresent()) {
				matched++;
			}
			nanos[i] = System.nanoTime() - t;
		}
		long total = System.nanoTime() - start;
		Arrays.sort(nanos);
		System.out.printf(
				"BENCH peer matching: %d people x %d supporters, %d matched; total %.1f ms; per proposal p50 %.1f µs, "
						+ "p95 %.1f µs, p99 %.1f µs, max %.1f µs%n",
				people.size(), roster.size(), matched, total / 1e6, nanos[nanos.length / 2] / 1e3,
				nanos[(int) (nanos.length * 0.95)] / 1e3, nanos[(int) (nanos.length * 0.99)] / 1e3,
				nanos[nanos.length - 1] / 1e3);
	}

	static List<OrgUnitId> units(int n) {
		List<OrgUnitId> units = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			units.add(new OrgUnitId(UUID.randomUUID()));
		}
		return units;
	}

}
