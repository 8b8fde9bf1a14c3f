package org.cpr.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.cpr.disclosure.internal.Derivability;

/**
 * T2: random programs of 5–200 people with random attributes and random sequences of 50 queries by
 * one principal. Whatever is asked, nothing released isolates fewer than five people.
 */
class DisclosureProperties {

    record Person(String id, int site, int pgy, int track, double score, boolean positive) {
    }

    @Property(tries = 1000)
    void noSequenceOfQueriesIsolatesASmallGroup(@ForAll @IntRange(min = 5, max = 200) int size, @ForAll long seed) {
        Random random = new Random(seed);
        List<Person> people = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            people.add(new Person("p" + i, random.nextInt(3), random.nextInt(5), random.nextInt(2), random.nextInt(28),
                    random.nextInt(4) == 0));
        }
        DisclosurePolicy policy = DisclosurePolicy.DEFAULT;
        DisclosureLedger ledger = new InMemoryLedger();
        DisclosureGate gate = new DisclosureGate();
        List<CellResult.Released> released = new ArrayList<>();
        List<Set<String>> releasedSets = new ArrayList<>();
        for (int q = 0; q < 50; q++) {
            int site = random.nextInt(4) - 1;
            int pgy = random.nextInt(6) - 1;
            int track = random.nextInt(3) - 1;
            List<Person> match = people.stream().filter(p -> (site < 0 || p.site() == site) && (pgy < 0 || p.pgy() == pgy)
                    && (track < 0 || p.track() == track)).toList();
            Map<String, Double> values = new HashMap<>();
            match.forEach(p -> values.put(p.id(), p.score()));
            Set<String> positives = match.stream().filter(Person::positive).map(Person::id).collect(Collectors.toSet());
            CellResult result = gate.release(policy, ledger, List.of(new CellRequest("q" + q, values, positives, List.of(), 1))).get(0);
            if (result instanceof CellResult.Released r) {
                released.add(r);
                releasedSets.add(values.keySet());
                assertThat(r.respondents()).isGreaterThanOrEqualTo(5);
                assertThat(r.positives() == null || r.positives() == 0 || r.positives() >= 11).isTrue();
                assertThat(r.positives() == null || r.positives() < r.respondents()).isTrue();
            }
        }
        for (int i = 0; i < releasedSets.size(); i++) {
            for (int j = i + 1; j < releasedSets.size(); j++) {
                int d = DisclosureGate.symmetricDifference(releasedSets.get(i), releasedSets.get(j));
                assertThat(d == 0 || d >= 5).as("released sets differ by %d", d).isTrue();
            }
        }
        assertThat(Derivability.isolatesSmallGroup(releasedSets, 5)).isFalse();
    }
}
