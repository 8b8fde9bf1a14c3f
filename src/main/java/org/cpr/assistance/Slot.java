package org.cpr.assistance;

import java.time.ZonedDateTime;
import java.util.UUID;

import org.cpr.shared.PersonId;

/**
 * A published, bookable time of a clinician. {@code afterHours} and {@code weekend} are
 * worked out from the local time when it is published (office hours:
 * {@code cpr.assistance.office-hours-*}).
 */
public record Slot(UUID id, PersonId clinician, ZonedDateTime start, ZonedDateTime end, Modality modality,
		boolean afterHours, boolean weekend, String status) {

	public boolean open() {
		return "OPEN".equals(status);
	}
}
