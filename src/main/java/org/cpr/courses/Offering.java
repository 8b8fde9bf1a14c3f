package org.cpr.courses;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.cpr.curriculum.TopicId;
import org.cpr.shared.PersonId;

/**
 * An offering with its sessions and seat counts.
 *
 * @param capacity seats: the smallest capacity of its sessions (a registrant attends them
 * all)
 * @param seatsTaken seated registrations
 * @param waitlisted people on the waitlist
 */
public record Offering(OfferingId id, String title, OfferingKind kind, String description, List<TopicId> topics,
		Audience audience, String prerequisites, String protectedTimeNote, AttendanceVisibility visibility,
		boolean publicListing, int cancellationCutoffHours, Set<PersonId> facilitators, boolean cancelled, int capacity,
		int seatsTaken, int waitlisted, List<Session> sessions) {

	public Optional<Session> firstSession() {
		return sessions.stream().filter(s -> !s.cancelled()).findFirst();
	}

	public int seatsLeft() {
		return Math.max(0, capacity - seatsTaken);
	}

	public boolean confidential() {
		return visibility == AttendanceVisibility.CONFIDENTIAL;
	}
}
