package org.cpr.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.cpr.shared.PersonId;
import org.cpr.shared.Role;

/**
 * T2: random org trees of 5–200 people, random answers and screens, and 50 random queries
 * by one principal, with respondent-level or pre-aggregated contributions. Whatever the
 * principal was shown, no combination isolates a small group (checked person by person by
 * {@link ReleaseAuditor}).
 *
 * <p>
 * Seeded and repeatable: {@link #cases()} derives {@value #CASES} cases from
 * {@link #MASTER_SEED} (plus the boundary sizes), and every case is fully determined by
 * its own seed, people count and mode, which the test name and every failure message
 * show. To replay one case, call {@code check(seed, people, preAggregated)} with the
 * printed values.
 */
class DisclosureGateProperties {

	static final long MASTER_SEED = 0x5EED_C0DE_2026L;
	static final int CASES = 1000;
	static final MeasureType[] TYPES = MeasureType.values();
	static long started = System.nanoTime();
	static long cellsReleased;
	static long cellsAsked;

	/**
	 * {@value #CASES} random cases from the master seed, then the smallest and largest
	 * trees in both modes.
	 */
	static Stream<Arguments> cases() {
		Random master = new Random(MASTER_SEED);
		Stream<Arguments> random = IntStream.range(0, CASES)
			.mapToObj(i -> Arguments.of(master.nextLong(), 5 + master.nextInt(196), master.nextBoolean()));
		Stream<Arguments> boundaries = Stream.of(5, 6, 9, 10, 11, 200)
			.flatMap(people -> Stream.of(Arguments.of((long) people, people, false),
					Arguments.of((long) -people, people, true)));
		return Stream.concat(random, boundaries);
	}

	@ParameterizedTest(name = "seed={0}L, people={1}, preAggregated={2}")
	@MethodSource("cases")
	void nothingSmallCanBeWorkedOutFromWhatOnePrincipalSaw(long seed, int people, boolean preAggregated) {
		check(seed, people, preAggregated);
	}

	static void check(long seed, int people, boolean preAggregated) {
		String replay = "replay with check(" + seed + "L, " + people + ", " + preAggregated + ")";
		Random random = new Random(seed);
		double positiveRate = new double[] { 0, 0.1, 0.3, 0.7, 0.97 }[random.nextInt(5)];
		SyntheticProgram program = new SyntheticProgram(people, new int[] { 3, 2, 3, 2 }, 1 + random.nextInt(3),
				1 + random.nextInt(3), positiveRate, random);
		DisclosureGate gate = new DisclosureGate(ReleaseLedger.inMemory(), random, entry -> {
		});
		PersonId principal = new PersonId(new UUID(seed, people));
		ReleaseAuditor auditor = new ReleaseAuditor(people);
		for (int query = 0; query < 50; query++) {
			MeasureType type = TYPES[random.nextInt(TYPES.length)];
			String measure = "m" + random.nextInt(2);
			Map<String, BitSet> asked = new HashMap<>();
			List<CellRequest> cells = new ArrayList<>();
			for (int c = 1 + random.nextInt(4); c > 0; c--) {
				int node = random.nextInt(program.nodes.size());
				int[] filter = randomFilter(program, random);
				String key = SyntheticProgram.cellKey(node, filter);
				if (asked.containsKey(key)) {
					continue;
				}
				BitSet members = program.members(node, filter);
				asked.put(key, members);
				cells.add(new CellRequest(key, SyntheticProgram.parentKey(program, node, filter),
						program.nodeDepth.get(node) + SyntheticProgram.filterAttributes(filter).size(),
						SyntheticProgram.filterAttributes(filter),
						preAggregated ? program.baseCells(members, type) : program.contributions(members, type)));
			}
			List<CellResult> results = gate.evaluate(new DisclosureRequest(principal, Role.RESEARCHER, "round-1",
					measure, type, DisclosurePolicy.defaults(), cells, true));
			for (int i = 0; i < results.size(); i++) {
				cellsAsked++;
				if (results.get(i) instanceof Released released) {
					cellsReleased++;
					BitSet members = asked.get(released.cellKey());
					assertThat(released.respondents()).as("respondents of %s; %s", released.cellKey(), replay)
						.isEqualTo(members.cardinality());
					long positives = released.statistic() instanceof Statistic.ScreenCount s ? s.positives() : 0;
					auditor.add(measure, type, members, positives, cells.get(i).filterAttributes().size());
				}
			}
		}
		assertThat(auditor.violation(program.positive)).as(replay).isNull();
	}

	private static int[] randomFilter(SyntheticProgram program, Random random) {
		int[] filter = { -1, -1, -1, -1 };
		for (int k = random.nextInt(3); k > 0; k--) {
			int attribute = random.nextInt(filter.length);
			filter[attribute] = random.nextInt(program.domain[attribute]);
		}
		return filter;
	}

	@AfterAll
	static void report() {
		System.out.printf("DisclosureGateProperties: %d cells asked, %d released, %.1f s%n", cellsAsked, cellsReleased,
				(System.nanoTime() - started) / 1e9);
	}

}
