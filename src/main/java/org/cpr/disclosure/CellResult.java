package org.cpr.disclosure;

import java.util.List;

/** What may be shown for a cell: released statistics, or a suppression that never reveals the count. */
public sealed interface CellResult permits CellResult.Released, CellResult.Suppressed {

    String key();

    /**
     * Released statistics. {@code positives} is null when the positive count itself had to be held back;
     * {@code comments} is empty when the group is too small for comments (shuffled, undated).
     */
    record Released(String key, int respondents, double mean, Integer positives, List<String> comments) implements CellResult {
    }

    /**
     * Held back. {@code reason} is a code for the page; {@code threshold} is what the respondent was
     * promised ("fewer than 5 responses") — never the actual count.
     */
    record Suppressed(String key, Reason reason, int threshold) implements CellResult {
    }

    enum Reason { TOO_FEW, DIFFERENCING, DERIVABLE }
}
