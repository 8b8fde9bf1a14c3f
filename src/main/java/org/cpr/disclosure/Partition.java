package org.cpr.disclosure;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The atoms of everything released in one channel: units grouped by exactly which
 * released sets contain them. Every released set is a union of atoms, and every linear
 * combination of released sums/counts (differences, parent minus children, overlapping
 * filters) is constant on atoms. So if every non-empty atom holds at least {@code k}
 * respondents, no combination of released figures isolates fewer than {@code k} people. A
 * candidate set is accepted only if refining the atoms by it keeps that true (and, for
 * screens, keeps every atom's positive count at 0 or ≥ minPositive and below its size).
 */
final class Partition {

	private final int k;

	private final int minPositive; // 0 = no screen rule

	private final Map<String, Integer> atomOfUnit = new HashMap<>();

	private final List<long[]> atoms = new ArrayList<>(); // {count, positives}

	Partition(int k, int minPositive) {
		this.k = k;
		this.minPositive = minPositive;
	}

	/**
	 * Works out whether refining by the set keeps every atom safe; nothing changes until
	 * {@link Trial#commit}.
	 */
	Trial trial(List<LedgerEntry.UnitWeight> set) {
		Map<Integer, long[]> inside = new HashMap<>();
		for (LedgerEntry.UnitWeight u : set) {
			long[] part = inside.computeIfAbsent(atomOfUnit.getOrDefault(u.unit(), -1), a -> new long[2]);
			part[0] += u.count();
			part[1] += u.positives();
		}
		boolean safe = true;
		boolean onlyNewTooSmall = true;
		for (Map.Entry<Integer, long[]> e : inside.entrySet()) {
			long[] in = e.getValue();
			boolean piece = safe(in[0], in[1]);
			safe &= piece;
			onlyNewTooSmall &= piece || (e.getKey() < 0 && in[0] < k && (minPositive == 0 || in[1] == 0));
			if (e.getKey() >= 0) {
				long[] atom = atoms.get(e.getKey());
				boolean rest = safe(atom[0] - in[0], atom[1] - in[1]);
				safe &= rest;
				onlyNewTooSmall &= rest;
			}
		}
		long fresh = inside.containsKey(-1) ? inside.get(-1)[0] : 0;
		int moreNeeded = !safe && onlyNewTooSmall ? (int) (k - fresh) : 0;
		return new Trial(safe, moreNeeded, set, inside);
	}

	/** Records a set released earlier without checking it (replaying the ledger). */
	void force(List<LedgerEntry.UnitWeight> set) {
		trial(set).commit();
	}

	/** The outcome of {@link #trial}. */
	final class Trial {

		private final boolean safe;

		private final int moreNeeded;

		private final List<LedgerEntry.UnitWeight> set;

		private final Map<Integer, long[]> inside;

		private Trial(boolean safe, int moreNeeded, List<LedgerEntry.UnitWeight> set, Map<Integer, long[]> inside) {
			this.safe = safe;
			this.moreNeeded = moreNeeded;
			this.set = set;
			this.inside = inside;
		}

		boolean safe() {
			return safe;
		}

		/**
		 * When the only unsafe piece is the group of units never released before (people
		 * who answered since the last release), how many more must answer before the set
		 * is safe; 0 when waiting would not help (the set splits an earlier released
		 * group).
		 */
		int moreNeeded() {
			return moreNeeded;
		}

		void commit() {
			Partition.this.commit(set, inside);
		}

	}

	private void commit(List<LedgerEntry.UnitWeight> set, Map<Integer, long[]> inside) {
		Map<Integer, Integer> newAtomFor = new HashMap<>();
		for (Map.Entry<Integer, long[]> e : inside.entrySet()) {
			int old = e.getKey();
			long[] in = e.getValue();
			if (old >= 0 && atoms.get(old)[0] == in[0]) {
				newAtomFor.put(old, old); // the whole atom is inside: nothing splits
				continue;
			}
			if (old >= 0) {
				long[] atom = atoms.get(old);
				atom[0] -= in[0];
				atom[1] -= in[1];
			}
			atoms.add(new long[] { in[0], in[1] });
			newAtomFor.put(old, atoms.size() - 1);
		}
		for (LedgerEntry.UnitWeight u : set) {
			atomOfUnit.put(u.unit(), newAtomFor.get(atomOfUnit.getOrDefault(u.unit(), -1)));
		}
	}

	private boolean safe(long count, long positives) {
		if (count == 0) {
			return true;
		}
		if (count < k) {
			return false;
		}
		if (minPositive == 0 || positives == 0) {
			return true;
		}
		return positives >= minPositive && positives < count;
	}

}
