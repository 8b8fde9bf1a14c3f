package org.cpr.groups;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.cpr.shared.PersonId;

/**
 * Proposes groups for a cohort: as many groups as make every group fit the size range,
 * leaders dealt out one or two per group, and each person placed, most constrained first,
 * in the group that has the fewest people of their program and then of their level,
 * skipping any group led by someone in their supervisory line. Pure and deterministic:
 * the same input gives the same groups, so a proposal can be shown and then saved by
 * computing it again.
 */
public final class GroupFormation {

	/** A person to place; {@code program} and {@code level} may be null. */
	public record Candidate(PersonId person, String program, String level) {
		public Candidate {
			Objects.requireNonNull(person, "person");
		}
	}

	/**
	 * Why a person sits where they sit: how many of their program and level were in the
	 * group before them, and the groups skipped because a leader there is in their
	 * supervisory line.
	 */
	public record Placement(PersonId person, int group, int sameProgramBefore, int sameLevelBefore,
			List<Integer> avoided) {

		/** The skipped groups as people count them ("1, 3"). */
		public String avoidedNumbers() {
			return String.join(", ", avoided.stream().map(g -> String.valueOf(g + 1)).toList());
		}

		/** The stored form ({@code BALANCED:p:l:avoided,...}). */
		public String code() {
			return "BALANCED:" + sameProgramBefore + ":" + sameLevelBefore + ":"
					+ String.join(",", avoided.stream().map(String::valueOf).toList());
		}
	}

	/**
	 * @param leaders leaders of each group (index = group)
	 * @param unplaced people for whom every group has a leader in their line
	 * @param outsideRange the cohort cannot be split into groups inside the size range
	 * @param unusedLeaders leaders beyond two per group
	 */
	public record Proposal(List<List<PersonId>> leaders, List<Placement> placements, List<PersonId> unplaced,
			boolean outsideRange, List<PersonId> unusedLeaders) {

		public int groups() {
			return leaders.size();
		}

		public List<Placement> of(int group) {
			return placements.stream().filter(p -> p.group() == group).toList();
		}

		public boolean everyGroupLed() {
			return leaders.stream().noneMatch(List::isEmpty);
		}
	}

	private GroupFormation() {
	}

	/**
	 * @param conflicts for each person, the leaders in their supervisory line (absent =
	 * none)
	 */
	public static Proposal propose(List<Candidate> people, List<PersonId> leaders,
			Map<PersonId, Set<PersonId>> conflicts, int minSize, int maxSize) {
		int n = people.size();
		int groups = groupCount(n, minSize, maxSize);
		boolean outside = n > 0 && (Math.ceilDiv(n, groups) > maxSize || n / groups < minSize);
		List<List<PersonId>> led = new ArrayList<>();
		for (int g = 0; g < groups; g++) {
			led.add(new ArrayList<>());
		}
		List<PersonId> unused = new ArrayList<>();
		for (int i = 0; i < leaders.size(); i++) {
			if (i < 2 * groups) {
				led.get(i % groups).add(leaders.get(i));
			}
			else {
				unused.add(leaders.get(i));
			}
		}
		int[] capacity = new int[groups];
		for (int g = 0; g < groups; g++) {
			capacity[g] = n / groups + (g < n % groups ? 1 : 0);
		}
		Map<String, Integer> programSize = new HashMap<>();
		people.forEach(c -> programSize.merge(key(c.program()), 1, Integer::sum));
		Map<PersonId, List<Integer>> blockedFor = new HashMap<>();
		people.forEach(c -> blockedFor.put(c.person(), blocked(c, led, conflicts)));
		List<Candidate> order = new ArrayList<>(people);
		order.sort(Comparator.<Candidate>comparingInt(c -> -blockedFor.get(c.person()).size())
			.thenComparing(c -> -programSize.get(key(c.program())))
			.thenComparing(c -> key(c.program()))
			.thenComparing(c -> key(c.level()))
			.thenComparing(c -> c.person().toString()));
		List<Map<String, Integer>> programs = new ArrayList<>();
		List<Map<String, Integer>> levels = new ArrayList<>();
		int[] size = new int[groups];
		for (int g = 0; g < groups; g++) {
			programs.add(new HashMap<>());
			levels.add(new HashMap<>());
		}
		List<Placement> placements = new ArrayList<>();
		List<PersonId> unplaced = new ArrayList<>();
		for (Candidate c : order) {
			List<Integer> avoided = blockedFor.get(c.person());
			int best = choose(c, avoided, capacity, size, programs, levels, false);
			if (best < 0) {
				best = choose(c, avoided, capacity, size, programs, levels, true);
			}
			if (best < 0) {
				unplaced.add(c.person());
				continue;
			}
			placements.add(new Placement(c.person(), best, programs.get(best).getOrDefault(key(c.program()), 0),
					levels.get(best).getOrDefault(key(c.level()), 0), avoided));
			programs.get(best).merge(key(c.program()), 1, Integer::sum);
			levels.get(best).merge(key(c.level()), 1, Integer::sum);
			size[best]++;
		}
		return new Proposal(led.stream().map(List::copyOf).toList(), List.copyOf(placements), List.copyOf(unplaced),
				outside, List.copyOf(unused));
	}

	/**
	 * The fewest groups whose sizes all fit the range, or the nearest count when none
	 * does.
	 */
	static int groupCount(int n, int minSize, int maxSize) {
		if (n == 0) {
			return 0;
		}
		for (int g = Math.max(1, Math.ceilDiv(n, maxSize)); g <= n / minSize; g++) {
			if (Math.ceilDiv(n, g) <= maxSize && n / g >= minSize) {
				return g;
			}
		}
		return Math.max(1, Math.ceilDiv(n, maxSize));
	}

	private static int choose(Candidate c, List<Integer> avoided, int[] capacity, int[] size,
			List<Map<String, Integer>> programs, List<Map<String, Integer>> levels, boolean overflow) {
		int best = -1;
		for (int g = 0; g < size.length; g++) {
			if (avoided.contains(g) || size[g] >= capacity[g] + (overflow ? 1 : 0)) {
				continue;
			}
			if (best < 0 || better(g, best, c, size, programs, levels)) {
				best = g;
			}
		}
		return best;
	}

	private static boolean better(int g, int best, Candidate c, int[] size, List<Map<String, Integer>> programs,
			List<Map<String, Integer>> levels) {
		int p = Integer.compare(programs.get(g).getOrDefault(key(c.program()), 0),
				programs.get(best).getOrDefault(key(c.program()), 0));
		if (p != 0) {
			return p < 0;
		}
		int l = Integer.compare(levels.get(g).getOrDefault(key(c.level()), 0),
				levels.get(best).getOrDefault(key(c.level()), 0));
		if (l != 0) {
			return l < 0;
		}
		return size[g] < size[best];
	}

	private static List<Integer> blocked(Candidate c, List<List<PersonId>> led,
			Map<PersonId, Set<PersonId>> conflicts) {
		Set<PersonId> line = conflicts.getOrDefault(c.person(), Set.of());
		List<Integer> blocked = new ArrayList<>();
		for (int g = 0; g < led.size(); g++) {
			if (led.get(g).stream().anyMatch(line::contains)) {
				blocked.add(g);
			}
		}
		return blocked;
	}

	private static String key(String value) {
		return value == null ? "" : value;
	}

}
