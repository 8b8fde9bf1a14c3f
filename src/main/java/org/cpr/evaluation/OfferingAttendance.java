package org.cpr.evaluation;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.cpr.shared.PersonId;

/**
 * Declared by the courses module so relative impact can be shown per offering (not only
 * per intervention type): who attended each offering with a session on days {@code from}
 * to {@code toExclusive}. Evaluation keeps consenting people only and gates every row.
 */
public interface OfferingAttendance {

	List<Offering> offerings(LocalDate from, LocalDate toExclusive);

	record Offering(UUID id, String title, Set<PersonId> attendees) {
		public Offering {
			attendees = Set.copyOf(attendees);
		}
	}

}
