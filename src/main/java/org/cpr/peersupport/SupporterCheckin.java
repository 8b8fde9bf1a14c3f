package org.cpr.peersupport;

import java.time.LocalDate;

/**
 * A supporter's own check-in: how they are doing (1 = struggling … 5 = well) and whether
 * they want a debrief.
 */
public record SupporterCheckin(LocalDate day, int wellbeing, boolean wantsDebrief) {
}
