package org.cpr.disclosure;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.cpr.disclosure.CellResult.Reason;
import org.cpr.disclosure.internal.Derivability;
import org.springframework.stereotype.Service;

/**
 * The one gate every aggregate passes (pages, charts, CSV, PDF, API). Cells are considered largest
 * first, each against everything the principal already holds in the round ({@link DisclosureLedger})
 * and everything released earlier in the same request:
 * <ol>
 *   <li>fewer than {@code minRespondents} contributors → suppressed (I-1);</li>
 *   <li>a contributor set differing from a released one by 1 … k−1 people → suppressed (I-3);</li>
 *   <li>a set that, with the released ones, lets a group of 1 … k−1 be isolated by subtraction
 *       (margins, totals, overlapping filters) → suppressed (complementary suppression);</li>
 *   <li>positive-screen counts only when 0 or ≥ {@code minPositiveCount}, never for an all-positive
 *       cell, and never when they differ from a nested released count by 1 … 10 (I-5);</li>
 *   <li>comments only for groups of at least {@code minComments}, at one filter level at most,
 *       shuffled and without dates (I-2).</li>
 * </ol>
 */
@Service
public class DisclosureGate {

    private final Random shuffle = new java.security.SecureRandom();

    public List<CellResult> release(DisclosurePolicy policy, DisclosureLedger ledger, List<CellRequest> cells) {
        List<CellRequest> ordered = new ArrayList<>(cells);
        ordered.sort(Comparator.comparingInt((CellRequest c) -> c.contributors().size()).reversed());
        Map<String, CellResult> results = new java.util.HashMap<>();
        for (CellRequest cell : ordered) {
            results.put(cell.key(), decide(policy, ledger, cell));
        }
        return cells.stream().map(c -> results.get(c.key())).toList();
    }

    private CellResult decide(DisclosurePolicy policy, DisclosureLedger ledger, CellRequest cell) {
        int k = policy.minRespondents();
        Set<String> who = cell.contributors();
        if (who.size() < k) {
            return new CellResult.Suppressed(cell.key(), Reason.TOO_FEW, k);
        }
        List<Set<String>> released = new ArrayList<>();
        for (DisclosureLedger.Entry e : ledger.released()) {
            int difference = symmetricDifference(who, e.contributors());
            if (difference > 0 && difference < k) {
                return new CellResult.Suppressed(cell.key(), Reason.DIFFERENCING, k);
            }
            released.add(e.contributors());
        }
        released.add(who);
        if (Derivability.isolatesSmallGroup(released, k)) {
            return new CellResult.Suppressed(cell.key(), Reason.DERIVABLE, k);
        }
        Integer positives = positives(policy, ledger, cell);
        ledger.record(new DisclosureLedger.Entry(Set.copyOf(who), positives));
        double mean = cell.values().values().stream().mapToDouble(Double::doubleValue).average().orElse(0);
        return new CellResult.Released(cell.key(), who.size(), Math.round(mean * 100.0) / 100.0, positives, comments(policy, cell));
    }

    private static Integer positives(DisclosurePolicy policy, DisclosureLedger ledger, CellRequest cell) {
        Set<String> positive = new HashSet<>(cell.positives());
        positive.retainAll(cell.contributors());
        int count = positive.size();
        int min = policy.minPositiveCount();
        if ((count > 0 && count < min) || count == cell.contributors().size()) {
            return null;
        }
        for (DisclosureLedger.Entry e : ledger.released()) {
            boolean nested = e.contributors().containsAll(cell.contributors()) || cell.contributors().containsAll(e.contributors());
            if (nested && e.positives() != null) {
                int gap = Math.abs(e.positives() - count);
                if (gap > 0 && gap < min) {
                    return null;
                }
            }
        }
        return count;
    }

    private List<String> comments(DisclosurePolicy policy, CellRequest cell) {
        if (cell.comments().isEmpty() || cell.contributors().size() < policy.minComments() || cell.filterDepth() > 1) {
            return List.of();
        }
        List<String> shuffled = new ArrayList<>(cell.comments());
        Collections.shuffle(shuffled, shuffle);
        return List.copyOf(shuffled);
    }

    static int symmetricDifference(Set<String> a, Set<String> b) {
        int common = 0;
        Set<String> smaller = a.size() <= b.size() ? a : b;
        Set<String> larger = smaller == a ? b : a;
        for (String x : smaller) {
            if (larger.contains(x)) {
                common++;
            }
        }
        return a.size() + b.size() - 2 * common;
    }

    /** I-4: two rounds of the same group may both be shown only if their respondents differ by 0 or ≥ k. */
    public static boolean roundsComparable(Set<String> earlier, Set<String> later, DisclosurePolicy policy) {
        int d = symmetricDifference(earlier, later);
        return d == 0 || d >= policy.minRespondents();
    }

    /** I-7: a program director filters by at most one attribute unless a privacy officer approved more. */
    public static int filterAttributesAllowed(org.cpr.shared.Role role, boolean approvedByPrivacyOfficer) {
        return role == org.cpr.shared.Role.PROGRAM_DIRECTOR && !approvedByPrivacyOfficer ? 1 : Integer.MAX_VALUE;
    }
}
