package org.cpr.groups;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.cpr.curriculum.Topic;
import org.cpr.curriculum.TopicId;
import org.cpr.shared.PersonId;
import org.cpr.shared.Role;

/**
 * Meetings and confidential attendance. Only a group's own leaders see or record who
 * attended (each view audited, in the member's access log); the program sees per-meeting
 * counts only, through the disclosure gate at the group's threshold.
 */
public interface GroupMeetings {

	/** A line of the roll a leader fills in. */
	record RollLine(PersonId person, String displayName, boolean present) {
	}

	/**
	 * Plans a run of meetings. @throws GroupsRefused naming the field that is wrong;
	 * nothing is saved then
	 */
	List<UUID> schedule(UUID group, MeetingSeries s, PersonId by);

	/**
	 * Changes a planned meeting's day, start, length and topic (in its own time zone);
	 * members' and leaders' calendars show the change (SEQUENCE + 1). @throws
	 * GroupsRefused naming the field, or for a meeting that was cancelled or has started;
	 * nothing is changed then
	 */
	void edit(UUID meeting, LocalDate day, java.time.LocalTime start, int minutes, TopicId topic, PersonId by);

	void cancel(UUID meeting, PersonId by);

	List<Meeting> meetings(UUID group);

	Optional<Meeting> meeting(UUID id);

	/** The next meeting that has not ended, if any. */
	Optional<Meeting> next(UUID group);

	/**
	 * The topics (leader guides) of the group's meetings, in meeting order, without
	 * repeats.
	 */
	List<Topic> guides(UUID group);

	/**
	 * The roll of a meeting for one of the group's leaders: every view is audited for
	 * each member shown.
	 */
	List<RollLine> roll(UUID meeting, PersonId leader);

	/**
	 * Exactly {@code present} of the members attended. @throws GroupsRefused for someone
	 * not in the group, a cancelled meeting or one that has not started (an hour's grace)
	 */
	void record(UUID meeting, Set<PersonId> present, PersonId leader);

	/**
	 * Attendance per past meeting for the group's own leaders (who took the roll): plain
	 * counts.
	 */
	List<MeetingCount> trend(UUID group, PersonId leader);

	/**
	 * Attendance per held meeting as the program sees it: each count passes the
	 * disclosure gate at the group's threshold (fewer than that, or a count that would
	 * let one be worked out, is hidden).
	 */
	List<MeetingCount> programCounts(MentoringGroup group, PersonId viewer, Role viewerRole);

}
