package org.cpr.survey;

/**
 * Invited vs completed for one group of a wave, as disclosure-controlled display text.
 */
public record ResponseRate(String group, String invited, String completed) {
}
