package org.cpr.courses;

import java.time.LocalDate;

import org.cpr.curriculum.TopicId;
import org.cpr.identity.TraineeType;
import org.cpr.shared.PersonId;

/**
 * Catalogue filters; null means any.
 *
 * @param from offerings with a session on or after this day (default: from now)
 * @param fitsScheduleOf only offerings none of whose sessions overlap a session this
 * person already holds a place in
 */
public record CatalogueQuery(OfferingKind kind, LocalDate from, TraineeType audience, TopicId topic,
		PersonId fitsScheduleOf, boolean publicOnly) {

	public static CatalogueQuery upcoming() {
		return new CatalogueQuery(null, null, null, null, null, false);
	}

	/**
	 * Upcoming offerings listed publicly (the public talks page and the landing page).
	 */
	public static CatalogueQuery publicUpcoming() {
		return new CatalogueQuery(null, null, null, null, null, true);
	}
}
