package org.cpr.disclosure;

/**
 * The thresholds of a survey round, fixed at launch and shown to respondents. They can only be made
 * stricter than the defaults, never weaker.
 *
 * @param minRespondents     no statistic for fewer respondents than this (default 5)
 * @param minComments        no free-text comments for a smaller group (default 10)
 * @param minPositiveCount   a positive-screen count is shown only when 0 or at least this (default 11)
 */
public record DisclosurePolicy(int minRespondents, int minComments, int minPositiveCount) {

    public static final DisclosurePolicy DEFAULT = new DisclosurePolicy(5, 10, 11);

    public DisclosurePolicy {
        if (minRespondents < 5 || minComments < 10 || minPositiveCount < 11) {
            throw new IllegalArgumentException("disclosure thresholds may only be raised above 5 / 10 / 11");
        }
    }

    /** A stricter policy; asking for a weaker one is refused. */
    public DisclosurePolicy strengthen(int respondents, int comments, int positives) {
        if (respondents < minRespondents || comments < minComments || positives < minPositiveCount) {
            throw new IllegalArgumentException("a disclosure threshold cannot be lowered once set");
        }
        return new DisclosurePolicy(respondents, comments, positives);
    }
}
