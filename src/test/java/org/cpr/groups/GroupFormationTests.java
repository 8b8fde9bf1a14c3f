package org.cpr.groups;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.cpr.shared.PersonId;
import org.junit.jupiter.api.Test;

class GroupFormationTests {

	static List<GroupFormation.Candidate> cohort(int size, int programs, int levels) {
		List<GroupFormation.Candidate> people = new ArrayList<>();
		for (int i = 0; i < size; i++) {
			people.add(new GroupFormation.Candidate(new PersonId(new UUID(0, i + 1)), "P" + (i % programs),
					"L" + (i / programs % levels)));
		}
		return people;
	}

	static List<PersonId> leaders(int n) {
		List<PersonId> leaders = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			leaders.add(new PersonId(new UUID(1, i + 1)));
		}
		return leaders;
	}

	@Test
	void aCohortOf200BecomesGroupsInsideTheRangeWithEveryoneInExactlyOneGroup() {
		GroupFormation.Proposal p = GroupFormation.propose(cohort(200, 7, 3), leaders(28), Map.of(), 10, 15);
		assertThat(p.outsideRange()).isFalse();
		assertThat(p.groups()).isEqualTo(14);
		for (int g = 0; g < p.groups(); g++) {
			assertThat(p.of(g).size()).isBetween(10, 15);
			assertThat(p.leaders().get(g)).hasSize(2);
		}
		assertThat(p.placements().stream().map(GroupFormation.Placement::person).distinct()).hasSize(200);
		assertThat(p.unplaced()).isEmpty();
	}

	@Test
	void programsAndLevelsAreSpreadEvenlyAcrossGroups() {
		List<GroupFormation.Candidate> people = cohort(60, 3, 4);
		GroupFormation.Proposal p = GroupFormation.propose(people, leaders(4), Map.of(), 10, 15);
		Map<PersonId, GroupFormation.Candidate> byId = new HashMap<>();
		people.forEach(c -> byId.put(c.person(), c));
		for (int g = 0; g < p.groups(); g++) {
			Map<String, Integer> programs = new HashMap<>();
			p.of(g).forEach(pl -> programs.merge(byId.get(pl.person()).program(), 1, Integer::sum));
			// 20 per program over 4 groups: 5 each
			assertThat(programs.values()).allMatch(n -> n == 5);
		}
	}

	@Test
	void nobodyIsPlacedInAGroupLedBySomeoneInTheirSupervisoryLineAndTheReasonSaysSo() {
		List<GroupFormation.Candidate> people = cohort(30, 2, 3);
		List<PersonId> leaders = leaders(2);
		Map<PersonId, Set<PersonId>> conflicts = new HashMap<>();
		for (int i = 0; i < 30; i += 2) {
			conflicts.put(people.get(i).person(), Set.of(leaders.get(0)));
		}
		GroupFormation.Proposal p = GroupFormation.propose(people, leaders, conflicts, 10, 15);
		assertThat(p.groups()).isEqualTo(2);
		for (GroupFormation.Placement pl : p.placements()) {
			if (conflicts.containsKey(pl.person())) {
				assertThat(pl.group()).isEqualTo(1);
				assertThat(pl.avoided()).containsExactly(0);
				assertThat(pl.code()).endsWith(":0");
			}
		}
		assertThat(p.of(0)).hasSize(15);
	}

	@Test
	void someoneWithALeaderInEveryGroupIsReportedNotPlaced() {
		List<GroupFormation.Candidate> people = cohort(20, 2, 2);
		List<PersonId> leaders = leaders(2);
		PersonId stuck = people.get(3).person();
		GroupFormation.Proposal p = GroupFormation.propose(people, leaders, Map.of(stuck, new HashSet<>(leaders)), 10,
				15);
		assertThat(p.unplaced()).containsExactly(stuck);
		assertThat(p.placements()).hasSize(19);
	}

	@Test
	void aCohortTooSmallForTheRangeIsFlaggedAndGroupsWithoutLeadersAreVisible() {
		GroupFormation.Proposal small = GroupFormation.propose(cohort(8, 2, 2), leaders(1), Map.of(), 10, 15);
		assertThat(small.groups()).isEqualTo(1);
		assertThat(small.outsideRange()).isTrue();
		GroupFormation.Proposal sixteen = GroupFormation.propose(cohort(16, 2, 2), leaders(1), Map.of(), 10, 15);
		assertThat(sixteen.outsideRange()).isTrue();
		assertThat(sixteen.groups()).isEqualTo(2);
		assertThat(sixteen.everyGroupLed()).isFalse();
		assertThat(GroupFormation.propose(cohort(20, 2, 2), leaders(2), Map.of(), 10, 15).outsideRange()).isFalse();
	}

	@Test
	void theSameInputGivesTheSameGroupsSoAPreviewCanBeSavedByRecomputingIt() {
		List<GroupFormation.Candidate> people = cohort(47, 5, 3);
		List<GroupFormation.Candidate> shuffled = new ArrayList<>(people);
		java.util.Collections.shuffle(shuffled, new java.util.Random(7));
		assertThat(GroupFormation.propose(shuffled, leaders(4), Map.of(), 10, 15))
			.isEqualTo(GroupFormation.propose(people, leaders(4), Map.of(), 10, 15));
	}

	@Test
	void placementCodesRoundTripIntoTheReasonShown() {
		Placement p = Placement
			.parse(new GroupFormation.Placement(new PersonId(new UUID(0, 1)), 1, 2, 0, List.of(0, 2)).code());
		assertThat(p.moved()).isFalse();
		assertThat(p.sameProgramBefore()).isEqualTo(2);
		assertThat(p.avoidedNumbers()).isEqualTo("1, 3");
		assertThat(Placement.parse("MOVED").moved()).isTrue();
	}

}
