package org.cpr.assistance;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.cpr.identity.CprUser;
import org.cpr.identity.IdentityManagement;
import org.cpr.identity.PeopleAdministration;
import org.cpr.identity.ScopedRole;
import org.cpr.identity.TraineeType;
import org.cpr.shared.OrgUnitId;
import org.cpr.shared.PersonId;
import org.cpr.shared.Role;

/**
 * Real people of the demo campus (so e-mail, names and the access log work) and slots far
 * from the demo ones.
 */
public final class AssistanceFixtures {

	public static final ZoneId ZONE = ZoneId.of("America/Denver");

	private AssistanceFixtures() {
	}

	/**
	 * A fresh person in the database with {@code roles} (first role scoped to the
	 * campus).
	 */
	public static CprUser person(PeopleAdministration admin, IdentityManagement identity, Role... roles) {
		String username = "t" + UUID.randomUUID().toString().substring(0, 12);
		PersonId by = identity.byUsername("sysadmin").orElseThrow().id();
		UUID id = admin.create(new PeopleAdministration.PersonDetails(username, username + "@test.cpr.example",
				"Test " + username, TraineeType.RESIDENT, "PGY2", null, null, true), by);
		OrgUnitId campus = identity.orgUnits().stream().filter(u -> u.parent() == null).findFirst().orElseThrow().id();
		Set<ScopedRole> grants = new java.util.HashSet<>();
		for (Role role : roles) {
			admin.grant(id, role, campus.value(), by);
			grants.add(new ScopedRole(role, campus));
		}
		return new CprUser(new PersonId(id), username, null, "Test " + username, grants, false, true);
	}

	/**
	 * One slot of {@code clinician} on a weekday {@code weeksAhead} weeks from now, 10:00
	 * Denver.
	 */
	public static Slot slot(Availability availability, CprUser clinician, LocalDate today, int weeksAhead, int hour,
			Modality modality) {
		LocalDate day = today.plusWeeks(weeksAhead)
			.with(java.time.temporal.TemporalAdjusters.next(DayOfWeek.WEDNESDAY));
		List<Slot> slots = availability.publish(clinician.personId(),
				new Availability.Plan(day, null, Set.of(), LocalTime.of(hour, 0), 50, 1, ZONE, modality));
		return slots.get(0);
	}

	public static LocalDate today(java.time.Clock clock) {
		return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
	}

	/** A demo login as a signed-in user holding {@code role}. */
	public static CprUser signedInAs(IdentityManagement identity, String username, Role role) {
		var p = identity.byUsername(username).orElseThrow();
		OrgUnitId campus = identity.orgUnits().stream().filter(u -> u.parent() == null).findFirst().orElseThrow().id();
		return new CprUser(p.id(), username, null, p.displayName(), Set.of(new ScopedRole(role, campus)), false, true);
	}

}
