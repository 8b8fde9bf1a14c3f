package org.cpr.groups;

/**
 * How many attended a meeting: {@code count} when it may be shown, else a message key
 * (with the threshold) saying why it is hidden.
 */
public record MeetingCount(Meeting meeting, Long count, String messageKey, int threshold) {
}
