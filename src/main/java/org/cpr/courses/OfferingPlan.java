package org.cpr.courses;

import java.util.List;
import java.util.Set;

import org.cpr.curriculum.TopicId;
import org.cpr.shared.PersonId;

/** Everything a coordinator decides about an offering. */
public record OfferingPlan(String title, OfferingKind kind, String description, List<TopicId> topics, Audience audience,
		String prerequisites, String protectedTimeNote, AttendanceVisibility visibility, boolean publicListing,
		int cancellationCutoffHours, Set<PersonId> facilitators, List<SessionPlan> sessions) {

	public OfferingPlan {
		topics = List.copyOf(topics);
		facilitators = Set.copyOf(facilitators);
		sessions = List.copyOf(sessions);
	}
}
