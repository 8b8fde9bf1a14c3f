package org.cpr.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;

import org.cpr.shared.PersonId;
import org.cpr.shared.Role;

/**
 * T2: random org trees of 5–200 people, random answers and screens, and 50 random queries by one
 * principal, with respondent-level or pre-aggregated contributions. Whatever the principal was
 * shown, no combination isolates a small group (checked person by person by {@link ReleaseAuditor}).
 */
class DisclosureGateProperties {

    static final MeasureType[] TYPES = MeasureType.values();
    static long started = System.nanoTime();
    static long cellsReleased;
    static long cellsAsked;

    @Property(tries = 1000)
    void nothingSmallCanBeWorkedOutFromWhatOnePrincipalSaw(@ForAll @IntRange(min = 5, max = 200) int people,
                                                          @ForAll long seed, @ForAll boolean preAggregated) {
        Random random = new Random(seed);
        double positiveRate = new double[] {0, 0.1, 0.3, 0.7, 0.97}[random.nextInt(5)];
        SyntheticProgram program = new SyntheticProgram(people, new int[] {3, 2, 3, 2},
                1 + random.nextInt(3), 1 + random.nextInt(3), positiveRate, random);
        DisclosureGate gate = new DisclosureGate(ReleaseLedger.inMemory(), random, entry -> { });
        PersonId principal = new PersonId(UUID.randomUUID());
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
                    assertThat(released.respondents()).isEqualTo(members.cardinality());
                    long positives = released.statistic() instanceof Statistic.ScreenCount s ? s.positives() : 0;
                    auditor.add(measure, type, members, positives, cells.get(i).filterAttributes().size());
                }
            }
        }
        assertThat(auditor.violation(program.positive)).isNull();
    }

    private static int[] randomFilter(SyntheticProgram program, Random random) {
        int[] filter = {-1, -1, -1, -1};
        for (int k = random.nextInt(3); k > 0; k--) {
            int attribute = random.nextInt(filter.length);
            filter[attribute] = random.nextInt(program.domain[attribute]);
        }
        return filter;
    }

    @AfterContainer
    static void report() {
        System.out.printf("DisclosureGateProperties: %d cells asked, %d released, %.1f s%n",
                cellsAsked, cellsReleased, (System.nanoTime() - started) / 1e9);
    }
}
