package org.cpr.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.cpr.disclosure.CellResult.Reason;
import org.cpr.shared.Role;
import org.junit.jupiter.api.Test;

class DisclosureGateTests {

    final DisclosureGate gate = new DisclosureGate();
    final DisclosurePolicy policy = DisclosurePolicy.DEFAULT;

    static CellRequest cell(String key, int from, int to) {
        return cell(key, from, to, Set.of(), List.of(), 0);
    }

    static CellRequest cell(String key, int from, int to, Set<String> positives, List<String> comments, int depth) {
        Map<String, Double> values = new HashMap<>();
        for (int i = from; i < to; i++) {
            values.put("r" + i, (double) (i % 4));
        }
        return new CellRequest(key, values, positives, comments, depth);
    }

    static Set<String> ids(int from, int to) {
        Set<String> ids = new HashSet<>();
        for (int i = from; i < to; i++) {
            ids.add("r" + i);
        }
        return ids;
    }

    @Test
    void fewerThanFiveIsSuppressedWithoutRevealingTheCount() {
        var results = gate.release(policy, new InMemoryLedger(), List.of(cell("four", 0, 4), cell("five", 10, 15)));
        assertThat(results.get(0)).isEqualTo(new CellResult.Suppressed("four", Reason.TOO_FEW, 5));
        assertThat(results.get(1)).isInstanceOfSatisfying(CellResult.Released.class, r -> {
            assertThat(r.respondents()).isEqualTo(5);
            assertThat(r.mean()).isEqualTo((2 + 3 + 0 + 1 + 2) / 5.0);
        });
    }

    @Test
    void teamAndTeamMinusOneCannotBothBeShown() {
        var results = gate.release(policy, new InMemoryLedger(), List.of(cell("team", 0, 6), cell("team minus one", 0, 5)));
        assertThat(results.get(0)).isInstanceOf(CellResult.Released.class);
        assertThat(results.get(1)).isEqualTo(new CellResult.Suppressed("team minus one", Reason.DIFFERENCING, 5));
    }

    @Test
    void aLaterQueryInTheSameRoundCannotDifferenceAnEarlierOne() {
        DisclosureLedger ledger = new InMemoryLedger();
        gate.release(policy, ledger, List.of(cell("site A", 0, 12)));
        var later = gate.release(policy, ledger, List.of(cell("site A without nights", 0, 9)));
        assertThat(later.get(0)).isInstanceOf(CellResult.Suppressed.class);
    }

    @Test
    void aHiddenChildCannotBeRecoveredFromTheParentMinusItsSiblings() {
        var results = gate.release(policy, new InMemoryLedger(),
                List.of(cell("program", 0, 13), cell("PGY1", 0, 5), cell("PGY2", 5, 10), cell("PGY3", 10, 13)));
        assertThat(results.get(0)).isInstanceOf(CellResult.Released.class);
        assertThat(results.get(3)).isInstanceOf(CellResult.Suppressed.class);
        long shownChildren = results.subList(1, 4).stream().filter(r -> r instanceof CellResult.Released).count();
        assertThat(shownChildren).as("complementary suppression hides a sibling too").isLessThanOrEqualTo(1);
    }

    @Test
    void positiveScreenCountsAreShownOnlyWhenZeroOrElevenOrMoreAndNeverAllPositive() {
        var results = gate.release(policy, new InMemoryLedger(), List.of(
                cell("none positive", 0, 20, Set.of(), List.of(), 0),
                cell("three positive", 100, 120, ids(100, 103), List.of(), 0),
                cell("eleven positive", 200, 230, ids(200, 211), List.of(), 0),
                cell("all positive", 300, 312, ids(300, 312), List.of(), 0)));
        assertThat(((CellResult.Released) results.get(0)).positives()).isZero();
        assertThat(((CellResult.Released) results.get(1)).positives()).isNull();
        assertThat(((CellResult.Released) results.get(2)).positives()).isEqualTo(11);
        assertThat(((CellResult.Released) results.get(3)).positives()).isNull();
    }

    @Test
    void positiveCountsThatDifferenceToASmallNumberAreHeldBack() {
        DisclosureLedger ledger = new InMemoryLedger();
        gate.release(policy, ledger, List.of(cell("hospital", 0, 40, ids(0, 15), List.of(), 0)));
        var unit = gate.release(policy, ledger, List.of(cell("unit", 0, 30, ids(0, 12), List.of(), 1)));
        assertThat(((CellResult.Released) unit.get(0)).positives()).as("15 − 12 = 3 would be derivable").isNull();
    }

    @Test
    void commentsNeedTenRespondentsOneFilterAtMostAndComeShuffledWithoutDates() {
        List<String> comments = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            comments.add("comment " + i);
        }
        var results = gate.release(policy, new InMemoryLedger(), List.of(
                cell("nine", 0, 9, Set.of(), comments.subList(0, 9), 0),
                cell("twelve", 100, 112, Set.of(), comments, 1),
                cell("twelve, two filters", 200, 212, Set.of(), comments, 2)));
        assertThat(((CellResult.Released) results.get(0)).comments()).isEmpty();
        assertThat(((CellResult.Released) results.get(1)).comments()).containsExactlyInAnyOrderElementsOf(comments);
        assertThat(((CellResult.Released) results.get(2)).comments()).isEmpty();
    }

    @Test
    void thresholdsCanOnlyBeRaised() {
        assertThat(policy.strengthen(8, 12, 11).minRespondents()).isEqualTo(8);
        assertThatThrownBy(() -> new DisclosurePolicy(3, 10, 11)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> policy.strengthen(8, 12, 11).strengthen(6, 12, 11)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void roundsAndFiltersFollowTheirLimits() {
        assertThat(DisclosureGate.roundsComparable(ids(0, 20), ids(0, 20), policy)).isTrue();
        assertThat(DisclosureGate.roundsComparable(ids(0, 20), ids(0, 21), policy)).as("one joiner").isFalse();
        assertThat(DisclosureGate.roundsComparable(ids(0, 20), ids(2, 22), policy)).as("two left, two joined").isFalse();
        assertThat(DisclosureGate.roundsComparable(ids(0, 20), ids(5, 25), policy)).isTrue();
        assertThat(DisclosureGate.filterAttributesAllowed(Role.PROGRAM_DIRECTOR, false)).isEqualTo(1);
        assertThat(DisclosureGate.filterAttributesAllowed(Role.PROGRAM_DIRECTOR, true)).isGreaterThan(1);
    }
}
