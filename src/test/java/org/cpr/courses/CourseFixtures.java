package org.cpr.courses;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.cpr.shared.PersonId;

/** Offering plans for tests: sessions far enough ahead that registration is open. */
public final class CourseFixtures {

	static final String ZONE = "America/Denver";
	static final LocalDateTime FIRST = LocalDateTime.of(2031, 9, 2, 12, 0);

	private CourseFixtures() {
	}

	public static OfferingPlan plan(String title, int capacity, int weeks, AttendanceVisibility visibility,
			Set<PersonId> facilitators) {
		List<SessionPlan> sessions = new ArrayList<>();
		for (int w = 0; w < weeks; w++) {
			sessions.add(new SessionPlan(FIRST.plusWeeks(w), FIRST.plusWeeks(w).plusMinutes(90), ZONE,
					"Education Center, Room 2", null, capacity));
		}
		return new OfferingPlan(title, weeks > 1 ? OfferingKind.MULTI_WEEK_COURSE : OfferingKind.WORKSHOP,
				"A test offering.", List.of(), Audience.everyone(), null,
				"Protected time: pagers to the covering team.", visibility, false, 24, facilitators, sessions);
	}

}
