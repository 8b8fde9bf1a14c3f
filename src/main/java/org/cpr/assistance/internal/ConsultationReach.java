package org.cpr.assistance.internal;

import java.time.LocalDate;
import java.time.ZoneOffset;

import org.cpr.evaluation.InterventionReach;
import org.cpr.evaluation.InterventionType;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Consultations' reach for evaluation: how many distinct people had an appointment in the
 * window, never who.
 */
@Component
class ConsultationReach implements InterventionReach {

	private final AppointmentStore appointments;

	ConsultationReach(AppointmentStore appointments) {
		this.appointments = appointments;
	}

	@Override
	public InterventionType type() {
		return InterventionType.CONSULTATION;
	}

	@Override
	@Transactional(readOnly = true)
	public Reach reach(LocalDate from, LocalDate toExclusive) {
		return new Reach.CountOnly(appointments.peopleSeen(from.atStartOfDay(ZoneOffset.UTC).toInstant(),
				toExclusive.atStartOfDay(ZoneOffset.UTC).toInstant()), Reach.CountOnly.Unit.PEOPLE);
	}

}
