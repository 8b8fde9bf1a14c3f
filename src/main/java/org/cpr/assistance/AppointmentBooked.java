package org.cpr.assistance;

import java.util.UUID;

/**
 * An appointment was booked or moved to another slot (ids only: no person, clinician or
 * reason).
 */
public record AppointmentBooked(UUID appointmentId, boolean rescheduled) {
}
