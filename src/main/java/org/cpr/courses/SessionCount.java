package org.cpr.courses;

/**
 * How many attended a session, as a program may see it: {@code count} is null when the
 * disclosure gate suppressed it (then {@code messageKey} explains why, with
 * {@code threshold}).
 */
public record SessionCount(Session session, Long count, String messageKey, int threshold) {
}
