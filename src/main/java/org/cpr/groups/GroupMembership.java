package org.cpr.groups;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.cpr.shared.PersonId;

/**
 * Groups as their coordinator, leaders and members see them: who leads and who belongs,
 * the confidentiality agreement each member accepts once, and a leader's referral of a
 * worried-about member to a resilience clinician (with consent, or under the crisis
 * protocol; both audited). Members' names reach only the coordinator and the group's
 * leaders, and fellow members after they accepted the agreement.
 */
public interface GroupMembership {

	Optional<MentoringGroup> group(UUID id);

	/** Every group of every cohort (for the coordinator). */
	List<MentoringGroup> allGroups();

	List<MentoringGroup> groupsOfCohort(UUID cohort);

	List<MentoringGroup> ledBy(PersonId leader);

	List<MentoringGroup> memberOf(PersonId person);

	boolean leads(PersonId person, UUID group);

	/**
	 * The group if {@code leader} leads it; otherwise the same "unknown" as for a group
	 * that does not exist.
	 */
	MentoringGroup led(UUID group, PersonId leader);

	/**
	 * Members with why they sit here, for the coordinator or one of the group's leaders;
	 * audited as an administration view.
	 */
	List<GroupMember> members(UUID group, PersonId viewer, String purpose);

	/**
	 * Whether the member accepted the agreement of this group; empty when they are not a
	 * member.
	 */
	Optional<Boolean> agreed(UUID group, PersonId member);

	/** Accepting the confidentiality agreement (once; a second time changes nothing). */
	void acceptAgreement(UUID group, PersonId member);

	/**
	 * Fellow members' names, for a member who accepted the agreement; empty otherwise.
	 */
	List<String> fellowMembers(UUID group, PersonId member);

	/**
	 * A leader refers a member to the resilience clinicians: an alert in the safety
	 * module (tier 3 with consent, tier 1 under the crisis protocol), no text at
	 * all. @throws GroupsRefused without the member's consent confirmed or the crisis
	 * protocol invoked
	 */
	UUID refer(UUID group, PersonId leader, PersonId member, ReferralBasis basis, boolean confirmed);

}
