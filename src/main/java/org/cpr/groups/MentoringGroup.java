package org.cpr.groups;

import java.util.List;
import java.util.UUID;

import org.cpr.shared.PersonId;

/**
 * A mentoring group.
 *
 * @param leaderNames display names of its leaders, in the order of {@code leaders}
 * @param members how many members it has
 * @param sizeReason why it is outside the size range, or null
 * @param minRespondents feedback and counts are shown from this many (at least 5)
 */
public record MentoringGroup(UUID id, UUID cohort, String name, List<PersonId> leaders, List<String> leaderNames,
		int members, String sizeReason, int minRespondents) {

	public MentoringGroup {
		leaders = List.copyOf(leaders);
		leaderNames = List.copyOf(leaderNames);
	}
}
