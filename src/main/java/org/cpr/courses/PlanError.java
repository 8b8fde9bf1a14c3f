package org.cpr.courses;

/**
 * One thing wrong with an offering plan: the form field (e.g. {@code sessions[1].end})
 * and the message key that explains it.
 */
public record PlanError(String field, String messageKey) {
}
