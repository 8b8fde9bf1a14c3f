package org.cpr.disclosure;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An independent oracle for tests: collects every figure released to one principal and
 * checks the invariants from first principles (pairwise symmetric differences, atoms of
 * all released sets, derivable positive counts), without using the gate's own partition
 * code.
 */
final class ReleaseAuditor {

	record Release(String measure, MeasureType type, BitSet members, long positives, int filterAttributes) {
	}

	private final List<Release> releases = new ArrayList<>();

	private final int population;

	ReleaseAuditor(int population) {
		this.population = population;
	}

	void add(String measure, MeasureType type, BitSet members, long positives, int filterAttributes) {
		releases.add(new Release(measure, type, members, positives, filterAttributes));
	}

	int size() {
		return releases.size();
	}

	/** Returns a description of the first violation, or null. */
	String violation(boolean[] positive) {
		for (Release r : releases) {
			int n = r.members().cardinality();
			if (n < 5) {
				return "released aggregate with " + n + " contributors";
			}
			if (r.type() == MeasureType.COMMENTS && (n < 10 || r.filterAttributes() > 1)) {
				return "comments released for " + n + " respondents / " + r.filterAttributes() + " attributes";
			}
			if (r.type() == MeasureType.POSITIVE_SCREEN && r.positives() > 0
					&& (r.positives() < 11 || r.positives() == n)) {
				return "positive count " + r.positives() + " of " + n + " released";
			}
		}
		String pairs = pairwise();
		if (pairs != null) {
			return pairs;
		}
		return atoms(positive);
	}

	long pairsChecked() {
		long n = releases.size();
		return n * (n - 1) / 2;
	}

	private String pairwise() {
		for (int i = 0; i < releases.size(); i++) {
			for (int j = i + 1; j < releases.size(); j++) {
				BitSet diff = (BitSet) releases.get(i).members().clone();
				diff.xor(releases.get(j).members());
				int d = diff.cardinality();
				if (d > 0 && d < 5) {
					return "two released aggregates differ by " + d + " respondents";
				}
			}
		}
		return null;
	}

	/**
	 * Atoms over all releases (k = 5), over each screen measure (0 or ≥ 11 positives, not
	 * all) and comments (k = 10).
	 */
	private String atoms(boolean[] positive) {
		String all = atomCheck(releases, 5, null);
		if (all != null) {
			return all;
		}
		Map<String, List<Release>> byChannel = new HashMap<>();
		for (Release r : releases) {
			if (r.type() != MeasureType.NUMERIC) {
				byChannel.computeIfAbsent(r.type() + ":" + r.measure(), k -> new ArrayList<>()).add(r);
			}
		}
		for (Map.Entry<String, List<Release>> e : byChannel.entrySet()) {
			boolean screen = e.getKey().startsWith(MeasureType.POSITIVE_SCREEN.name());
			String v = atomCheck(e.getValue(), screen ? 5 : 10, screen ? positive : null);
			if (v != null) {
				return e.getKey() + ": " + v;
			}
		}
		return null;
	}

	private String atomCheck(List<Release> sets, int k, boolean[] positive) {
		Map<BitSet, int[]> atoms = new HashMap<>();
		for (int person = 0; person < population; person++) {
			BitSet signature = new BitSet(sets.size());
			for (int s = 0; s < sets.size(); s++) {
				if (sets.get(s).members().get(person)) {
					signature.set(s);
				}
			}
			if (!signature.isEmpty()) {
				int[] atom = atoms.computeIfAbsent(signature, x -> new int[2]);
				atom[0]++;
				atom[1] += positive != null && positive[person] ? 1 : 0;
			}
		}
		for (int[] atom : atoms.values()) {
			if (atom[0] < k) {
				return "a derivable group of " + atom[0] + " respondents";
			}
			if (positive != null && atom[1] > 0 && (atom[1] < 11 || atom[1] == atom[0])) {
				return "a derivable positive count of " + atom[1] + " of " + atom[0];
			}
		}
		return null;
	}

}
