package org.cpr.assistance;

/**
 * Slots became bookable (published or freed by a cancellation): people on the waiting
 * list hear of it.
 */
public record SlotsOpened(int count) {
}
