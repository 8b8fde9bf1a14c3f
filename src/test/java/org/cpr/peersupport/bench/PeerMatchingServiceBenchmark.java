package org.cpr.peersupport.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.cpr.identity.IdentityManagement;
import org.cpr.identity.PeopleAdministration;
import org.cpr.identity.TraineeType;
import org.cpr.peersupport.PeerRequest;
import org.cpr.peersupport.PeerRequestId;
import org.cpr.peersupport.PeerRequests;
import org.cpr.peersupport.PeerRoster;
import org.cpr.peersupport.RosterEntry;
import org.cpr.peersupport.Training;
import org.cpr.shared.OrgUnitId;
import org.cpr.shared.PersonId;
import org.cpr.support.MutableClockConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * Measures (never gates) a proposal the way the coordinator's page asks for it: the
 * roster read from the database with each supporter's load, training, department and
 * program-director grants, then the rules. 300 supporters on the embedded H2. Not part of
 * the build: run with
 * {@code ./mvnw test -Dtest=PeerMatchingServiceBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@SpringBootTest
@Import(MutableClockConfiguration.class)
class PeerMatchingServiceBenchmark {

	@Autowired
	IdentityManagement identity;

	@Autowired
	PeopleAdministration people;

	@Autowired
	PeerRoster roster;

	@Autowired
	PeerRequests requests;

	@Test
	void proposalsOver300SupportersFromTheDatabase() {
		PersonId admin = identity.byUsername("sysadmin").orElseThrow().id();
		List<OrgUnitId> departments = identity.orgUnits()
			.stream()
			.filter(u -> u.kind() == org.cpr.identity.OrgUnitKind.DEPARTMENT)
			.map(u -> u.id())
			.toList();
		TraineeType[] types = TraineeType.values();
		LocalDate today = LocalDate.of(2026, 3, 2);
		long seed = System.nanoTime();
		for (int i = roster.roster().size(); i < 300; i++) {
			String username = "bench-supporter-" + i + "-" + UUID.randomUUID().toString().substring(0, 4);
			UUID id = people.create(
					new PeopleAdministration.PersonDetails(username, username + "@bench.example", "Bench " + i,
							types[i % types.length], null, null, departments.get(i % departments.size()).value(), true),
					admin);
			roster.enrol(new PersonId(id), new RosterEntry(types[i % types.length], null, null, List.of("en"), true, 3),
					admin);
			roster.recordTraining(new PersonId(id),
					new Training("Bench training", today.minusMonths(1), today.plusYears(1)), admin);
		}
		System.out.printf("BENCH peer roster seeded: %d supporters in %.1f s%n", roster.roster().size(),
				(System.nanoTime() - seed) / 1e9);
		List<PeerRequest> asked = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			String username = "bench-person-" + UUID.randomUUID().toString().substring(0, 8);
			UUID id = people.create(new PeopleAdministration.PersonDetails(username, username + "@bench.example",
					"Person " + i, types[i % types.length], null, null,
					departments.get((i * 7) % departments.size()).value(), true), admin);
			PeerRequestId request = requests.selfRefer(new PersonId(id), null);
			asked.add(requests.forCoordinator(request, admin));
		}
		for (int i = 0; i < 5; i++) {
			requests.propose(asked.get(i));
		}
		long[] nanos = new long[60];
		for (int i = 0; i < nanos.length; i++) {
			long t = System.nanoTime();
			requests.propose(asked.get(i % asked.size()));
			nanos[i] = System.nanoTime() - t;
		}
		Arrays.sort(nanos);
		System.out.printf(
				"BENCH peer proposal from the database (300 supporters): median %.1f ms, p95 %.1f ms, max %.1f ms (n = %d)%n",
				nanos[nanos.length / 2] / 1e6, nanos[(int) (nanos.length * 0.95)] / 1e6, nanos[nanos.length - 1] / 1e6,
				nanos.length);
	}

}
