package org.cpr.cqi;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The later measurement an implemented change was checked against: a survey wave (its id
 * and label) or a figure entered by hand. The before/after texts are figures that were
 * already released through the disclosure gate (e.g. copied from the wave report);
 * nothing here is computed.
 */
public record Remeasurement(UUID waveId, String label, String before, String after, LocalDate recordedOn) {
}
