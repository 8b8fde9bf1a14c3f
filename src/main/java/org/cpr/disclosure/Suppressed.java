package org.cpr.disclosure;

/**
 * A hidden cell. Shows "fewer than {@code threshold} responses" (or the reason's text), never the
 * real count.
 *
 * @param threshold  the policy threshold behind the rule (the N in "fewer than N")
 * @param rolledUpTo the nearest released ancestor cell whose figure includes this group, or null
 */
public record Suppressed(String cellKey, SuppressionReason reason, int threshold, String rolledUpTo)
        implements CellResult {

    @Override
    public boolean released() {
        return false;
    }

    public String messageKey() {
        return reason.messageKey();
    }

    /** Arguments for the message: only the threshold. */
    public Object[] messageArguments() {
        return new Object[] {threshold};
    }

    Suppressed rolledUpTo(String ancestor) {
        return new Suppressed(cellKey, reason, threshold, ancestor);
    }
}
