package org.cpr.disclosure;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Random;

/**
 * A synthetic population for tests: an org tree (root → hospitals → programs), four
 * attributes per person, a numeric answer, a positive-screen flag and a comment.
 * Respondent keys are opaque.
 */
final class SyntheticProgram {

	static final String[] ATTRIBUTES = { "pgy", "site", "gender", "track" };

	final int people;

	final int[][] attributes; // person → value index per attribute

	final int[] domain; // values per attribute

	final List<BitSet> nodes = new ArrayList<>(); // org node → members

	final List<Integer> nodeParent = new ArrayList<>();

	final List<Integer> nodeDepth = new ArrayList<>();

	final int[] value;

	final boolean[] positive;

	final String[] respondentKey;

	final int[] leafOf;

	SyntheticProgram(int people, int[] domain, int hospitals, int programsPerHospital, double positiveRate,
			Random random) {
		this.people = people;
		this.domain = domain;
		attributes = new int[people][domain.length];
		value = new int[people];
		positive = new boolean[people];
		respondentKey = new String[people];
		int leaves = hospitals * programsPerHospital;
		leafOf = new int[people];
		for (int p = 0; p < people; p++) {
			for (int a = 0; a < domain.length; a++) {
				attributes[p][a] = random.nextInt(domain[a]);
			}
			value[p] = 1 + random.nextInt(5);
			positive[p] = random.nextDouble() < positiveRate;
			respondentKey[p] = Long.toHexString(random.nextLong()) + "-" + p;
			leafOf[p] = random.nextInt(leaves);
		}
		addNode(-1, 0, p -> true, leafOf);
		for (int h = 0; h < hospitals; h++) {
			int hospital = h;
			int hospitalNode = addNode(0, 1, leaf -> leaf / programsPerHospital == hospital, leafOf);
			for (int g = 0; g < programsPerHospital; g++) {
				int leafIndex = h * programsPerHospital + g;
				addNode(hospitalNode, 2, leaf -> leaf == leafIndex, leafOf);
			}
		}
	}

	private int addNode(int parent, int depth, java.util.function.IntPredicate leafMatches, int[] leafOf) {
		BitSet members = new BitSet(people);
		for (int p = 0; p < people; p++) {
			if (leafMatches.test(leafOf[p])) {
				members.set(p);
			}
		}
		nodes.add(members);
		nodeParent.add(parent);
		nodeDepth.add(depth);
		return nodes.size() - 1;
	}

	/**
	 * Members of an org node filtered by attribute values ({@code -1} = not filtered).
	 */
	BitSet members(int node, int[] filter) {
		BitSet result = (BitSet) nodes.get(node).clone();
		for (int p = result.nextSetBit(0); p >= 0; p = result.nextSetBit(p + 1)) {
			for (int a = 0; a < filter.length; a++) {
				if (filter[a] >= 0 && attributes[p][a] != filter[a]) {
					result.clear(p);
					break;
				}
			}
		}
		return result;
	}

	List<Contribution> contributions(BitSet members, MeasureType type) {
		List<Contribution> list = new ArrayList<>();
		for (int p = members.nextSetBit(0); p >= 0; p = members.nextSetBit(p + 1)) {
			list.add(switch (type) {
				case NUMERIC -> Contribution.value(respondentKey[p], value[p]);
				case POSITIVE_SCREEN -> Contribution.screen(respondentKey[p], positive[p]);
				case COMMENTS -> Contribution.comment(respondentKey[p], "comment " + p);
			});
		}
		return list;
	}

	/**
	 * The same cell as pre-aggregated base cells (leaf org unit × all four attribute
	 * values).
	 */
	List<Contribution> baseCells(BitSet members, MeasureType type) {
		java.util.Map<String, long[]> cells = new java.util.TreeMap<>();
		for (int p = members.nextSetBit(0); p >= 0; p = members.nextSetBit(p + 1)) {
			long[] cell = cells.computeIfAbsent(leafOf[p] + ":" + java.util.Arrays.toString(attributes[p]),
					k -> new long[4]);
			long v = type == MeasureType.NUMERIC ? value[p] : positive[p] ? 1 : 0;
			cell[0]++;
			cell[1] += v;
			cell[2] += v * v;
			cell[3] += type == MeasureType.POSITIVE_SCREEN && positive[p] ? 1 : 0;
		}
		List<Contribution> list = new ArrayList<>();
		cells.forEach((key, c) -> list.add(Contribution.aggregate(key, c[0], c[1], c[2], c[3])));
		return list;
	}

	static String cellKey(int node, int[] filter) {
		return node + ":" + java.util.Arrays.toString(filter);
	}

	static List<String> filterAttributes(int[] filter) {
		List<String> names = new ArrayList<>();
		for (int a = 0; a < filter.length; a++) {
			if (filter[a] >= 0) {
				names.add(ATTRIBUTES[a]);
			}
		}
		return names;
	}

	/** The cell one level up: drop the last filter, or go to the parent org node. */
	static String parentKey(SyntheticProgram program, int node, int[] filter) {
		for (int a = filter.length - 1; a >= 0; a--) {
			if (filter[a] >= 0) {
				int[] up = filter.clone();
				up[a] = -1;
				return cellKey(node, up);
			}
		}
		int parent = program.nodeParent.get(node);
		return parent < 0 ? null : cellKey(parent, filter);
	}

}
