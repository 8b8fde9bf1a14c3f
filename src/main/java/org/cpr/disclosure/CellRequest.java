package org.cpr.disclosure;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One aggregate a page, export or API wants to show. Contributors are opaque ids (random ids for
 * anonymous responses, never person ids). The gate computes the statistics itself.
 *
 * @param key            what the caller calls the cell (e.g. "Hospital A · PGY1")
 * @param values         each contributor's numeric value (a score), by contributor id
 * @param positives      contributors whose screen is positive (may be empty)
 * @param comments       free-text comments of the cell's contributors (may be empty)
 * @param filterDepth    how many attributes filter this cell (comments only at depth 0 or 1)
 */
public record CellRequest(String key, Map<String, Double> values, Set<String> positives, List<String> comments,
                          int filterDepth) {

    public CellRequest {
        values = Map.copyOf(values);
        positives = positives == null ? Set.of() : Set.copyOf(positives);
        comments = comments == null ? List.of() : List.copyOf(comments);
    }

    public Set<String> contributors() {
        return values.keySet();
    }
}
