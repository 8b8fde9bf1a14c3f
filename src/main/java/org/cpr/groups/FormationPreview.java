package org.cpr.groups;

import java.util.List;
import java.util.Map;

import org.cpr.identity.PersonSummary;
import org.cpr.shared.PersonId;

/**
 * A proposal as the coordinator sees it before saving: the groups, who sits where and
 * why, and what needs attention (people no group can take, groups without a leader, sizes
 * outside the range).
 */
public record FormationPreview(GroupFormation.Proposal proposal, Map<PersonId, PersonSummary> people,
		Map<PersonId, String> leaderNames, Map<String, String> programNames, int minSize, int maxSize) {

	public String name(PersonId person) {
		PersonSummary p = people.get(person);
		return p != null ? p.displayName() : leaderNames.getOrDefault(person, "?");
	}

	public String program(PersonId person) {
		PersonSummary p = people.get(person);
		return p == null || p.program() == null ? "" : programNames.getOrDefault(p.program().toString(), "");
	}

	public String level(PersonId person) {
		PersonSummary p = people.get(person);
		return p == null || p.trainingLevel() == null ? "" : p.trainingLevel();
	}

	/** The leaders of group {@code index}, by name. */
	public String leadersOf(int index) {
		return String.join(", ", proposal.leaders().get(index).stream().map(this::name).toList());
	}

	public List<Integer> groupIndexes() {
		return java.util.stream.IntStream.range(0, proposal.groups()).boxed().toList();
	}
}
