package org.cpr.groups;

import java.util.Arrays;
import java.util.List;

/**
 * Why a member sits in their group, parsed from its stored code: placed by the formation
 * helper (with the balance it found and the groups it skipped because of a supervisory
 * conflict), or moved by a coordinator.
 */
public record Placement(boolean moved, int sameProgramBefore, int sameLevelBefore, List<Integer> avoidedGroups) {

	/** Moved to another group by the coordinator. */
	public static final String MOVED = "MOVED";

	/** Added to the cohort by the coordinator after the groups were formed. */
	public static final String ADDED = "ADDED";

	/** Whether the coordinator added this person after formation. */
	public static boolean added(String code) {
		return ADDED.equals(code);
	}

	/** The skipped groups as people count them ("1, 3"). */
	public String avoidedNumbers() {
		return String.join(", ", avoidedGroups.stream().map(g -> String.valueOf(g + 1)).toList());
	}

	public static Placement parse(String code) {
		if (code == null || !code.startsWith("BALANCED:")) {
			return new Placement(true, 0, 0, List.of());
		}
		String[] parts = code.split(":", -1);
		List<Integer> avoided = parts.length > 3 && !parts[3].isEmpty()
				? Arrays.stream(parts[3].split(",")).map(Integer::valueOf).toList() : List.of();
		return new Placement(false, Integer.parseInt(parts[1]), Integer.parseInt(parts[2]), avoided);
	}
}
