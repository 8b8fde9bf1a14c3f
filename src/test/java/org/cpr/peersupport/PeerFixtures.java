package org.cpr.peersupport;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.cpr.identity.CprUser;
import org.cpr.identity.IdentityManagement;
import org.cpr.identity.OrgUnitSummary;
import org.cpr.identity.PeopleAdministration;
import org.cpr.identity.ScopedRole;
import org.cpr.identity.TraineeType;
import org.cpr.shared.OrgUnitId;
import org.cpr.shared.PersonId;
import org.cpr.shared.Role;

/**
 * Fresh people, supporters and signed-in users for peer support tests (each test makes
 * its own).
 */
record PeerFixtures(IdentityManagement identity, PeopleAdministration people, PeerRoster roster) {

	Map<String, OrgUnitSummary> units() {
		return identity.orgUnits().stream().collect(Collectors.toMap(OrgUnitSummary::code, u -> u));
	}

	OrgUnitId unit(String code) {
		return units().get(code).id();
	}

	/** A new active person in {@code program} (and its department). */
	PersonId person(TraineeType type, String department, String program) {
		String username = "peer-test-" + UUID.randomUUID().toString().substring(0, 8);
		UUID id = people.create(
				new PeopleAdministration.PersonDetails(username, username + "@test.cpr.example", "Test " + username,
						type, null, program == null ? null : unit(program).value(), unit(department).value(), true),
				null);
		return new PersonId(id);
	}

	String username(PersonId id) {
		return identity.person(id).orElseThrow().username();
	}

	/** A new trained supporter (refresher due in a year) with room for three requests. */
	PersonId supporter(TraineeType type, String department, LocalDate today) {
		PersonId id = person(type, department, null);
		PersonId admin = identity.byUsername("sysadmin").orElseThrow().id();
		roster.enrol(id, new RosterEntry(type, "Test", null, List.of("en"), true, 3), admin);
		roster.recordTraining(id, new Training("Peer support training", today.minusMonths(1), today.plusYears(1)),
				admin);
		return id;
	}

	static CprUser user(PersonId id, Role... roles) {
		Set<ScopedRole> grants = java.util.Arrays.stream(roles)
			.map(r -> new ScopedRole(r, new OrgUnitId(UUID.randomUUID())))
			.collect(Collectors.toSet());
		return new CprUser(id, "user-" + id.value(), null, "User", grants, false, true);
	}
}
