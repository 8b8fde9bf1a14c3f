package org.cpr.groups;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.cpr.identity.OrgUnitSummary;
import org.cpr.identity.PersonSummary;
import org.cpr.identity.TraineeType;
import org.cpr.shared.OrgUnitId;
import org.cpr.shared.PersonId;

/**
 * Coordinators' API: cohorts, the formation helper, saving its proposal and moving
 * people. A leader is someone holding {@code GROUP_LEADER}; a person's supervisory line
 * is everyone holding {@code PROGRAM_DIRECTOR} for their program (program directors and
 * associate program directors are both granted that role for the program) plus the
 * attendings on the coordinator's conflict list.
 */
public interface Cohorts {

	int minSize();

	int maxSize();

	List<Cohort> all();

	Optional<Cohort> find(UUID id);

	/** Programs a cohort can be drawn from. */
	List<OrgUnitSummary> programs();

	/**
	 * A cohort of everyone active in {@code program} (or the whole institution when
	 * null), of {@code type} and {@code level} when given. @throws GroupsRefused when the
	 * name is missing or nobody matches
	 */
	UUID create(String name, OrgUnitId program, TraineeType type, String level, PersonId by);

	/**
	 * The helper's proposal for the cohort with these leaders (usernames, one or two per
	 * group, in order).
	 */
	FormationPreview preview(UUID cohortId, List<String> leaderUsernames);

	/**
	 * Saves the proposal as the cohort's groups ("Group 1", "Group 2", …).
	 * @throws GroupsRefused when the cohort has groups already, a group would have no
	 * leader or a size outside the range without a reason, or someone cannot be placed
	 */
	List<UUID> form(UUID cohortId, List<String> leaderUsernames, String sizeReason, PersonId by);

	/**
	 * Moves a member to another group of the same cohort.
	 * @throws GroupsRefused when a leader of the target group is in the person's
	 * supervisory line, or either group would leave the size range without a reason
	 */
	void move(UUID fromGroup, PersonId person, UUID toGroup, String sizeReason, PersonId by);

	/**
	 * Adds an active person to the cohort after creation; once it has groups, also to a
	 * group: the one asked for, or else the smallest whose leaders are outside the
	 * person's supervisory line (re-checked against the conflict list and the program
	 * directors of the day). Returns the group, or null before formation.
	 * @throws GroupsRefused for an unknown or inactive person, someone already in the
	 * cohort, a group led from their supervisory line (or no group without one), or a
	 * group that would leave the size range without a reason
	 */
	UUID addPerson(UUID cohortId, String username, UUID wantedGroup, String sizeReason, PersonId by);

	/**
	 * Takes a person out of the cohort and their group (past attendance stays, as
	 * counts).
	 * @throws GroupsRefused when the group would leave the size range without a reason
	 */
	void removePerson(UUID cohortId, PersonId person, String sizeReason, PersonId by);

	/**
	 * A person of the cohort as the coordinator sees it: the group is null before
	 * formation.
	 */
	record CohortPerson(PersonId person, String displayName, String username, String groupName) {
	}

	/**
	 * The cohort's people with their group, for the coordinator (audited as an
	 * administration view).
	 */
	List<CohortPerson> people(UUID cohortId, PersonId viewer);

	/**
	 * Members whose own group is now led from their supervisory line (the conflict list
	 * or a program director grant changed after formation): the coordinator should move
	 * them.
	 */
	List<PersonId> conflictsNow(UUID cohortId);

	/**
	 * For each person, the given leaders in their supervisory line (their program's
	 * directors and the evaluators the coordinator listed).
	 */
	Map<PersonId, Set<PersonId>> conflicts(Collection<PersonSummary> people, List<PersonSummary> leaders);

}
