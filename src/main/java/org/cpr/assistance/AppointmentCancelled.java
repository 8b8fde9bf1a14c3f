package org.cpr.assistance;

import java.util.UUID;

/** An appointment was cancelled; its slot is open again (ids only). */
public record AppointmentCancelled(UUID appointmentId, UUID slotId) {
}
