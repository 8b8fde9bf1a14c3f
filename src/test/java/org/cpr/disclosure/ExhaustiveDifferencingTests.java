package org.cpr.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.cpr.disclosure.internal.Derivability;
import org.junit.jupiter.api.Test;

/**
 * T1: a fixed program of 30 residents with four attributes (PGY, site, gender, track). Every
 * filter combination at every level goes through the gate for one principal; then every pair of
 * displayable aggregates is checked, and the whole released family for derivable small groups.
 */
class ExhaustiveDifferencingTests {

    @Test
    void everyPairOfDisplayableAggregatesDiffersByZeroOrAtLeastFive() {
        Random random = new Random(30);
        int[][] attributes = new int[30][4];
        int[] cardinality = {3, 2, 2, 2};
        for (int i = 0; i < 30; i++) {
            for (int a = 0; a < 4; a++) {
                attributes[i][a] = random.nextInt(cardinality[a]);
            }
        }
        List<CellRequest> cells = new ArrayList<>();
        for (int pgy = -1; pgy < 3; pgy++) {
            for (int site = -1; site < 2; site++) {
                for (int gender = -1; gender < 2; gender++) {
                    for (int track = -1; track < 2; track++) {
                        int[] filter = {pgy, site, gender, track};
                        Map<String, Double> values = new HashMap<>();
                        for (int i = 0; i < 30; i++) {
                            boolean match = true;
                            for (int a = 0; a < 4; a++) {
                                match &= filter[a] < 0 || attributes[i][a] == filter[a];
                            }
                            if (match) {
                                values.put("resident-" + i, (double) (i % 5));
                            }
                        }
                        int depth = (pgy >= 0 ? 1 : 0) + (site >= 0 ? 1 : 0) + (gender >= 0 ? 1 : 0) + (track >= 0 ? 1 : 0);
                        cells.add(new CellRequest(pgy + "/" + site + "/" + gender + "/" + track, values, Set.of(), List.of(), depth));
                    }
                }
            }
        }
        List<CellResult> results = new DisclosureGate().release(DisclosurePolicy.DEFAULT, new InMemoryLedger(), cells);
        List<Set<String>> shown = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            if (results.get(i) instanceof CellResult.Released) {
                shown.add(cells.get(i).contributors());
            }
        }
        long pairs = 0;
        for (int i = 0; i < shown.size(); i++) {
            for (int j = i + 1; j < shown.size(); j++, pairs++) {
                int d = DisclosureGate.symmetricDifference(shown.get(i), shown.get(j));
                assertThat(d == 0 || d >= 5).isTrue();
            }
        }
        assertThat(cells).hasSize(108);
        assertThat(shown).as("the program total and some large groups are shown").isNotEmpty();
        assertThat(Derivability.isolatesSmallGroup(shown, 5)).isFalse();
        System.out.printf("T1: %d aggregates requested, %d displayable, %d pairs checked%n", cells.size(), shown.size(), pairs);
    }
}
