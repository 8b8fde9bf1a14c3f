package org.cpr.evaluation;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.cpr.curriculum.WellBeingRequirement;

/**
 * Declared by a module that holds evidence for the ACGME well-being requirements (VI.C)
 * that this module cannot read itself (courses: sessions delivered; assistance:
 * confidential-care slots). Counts only; the evidence pack passes them through the gate.
 */
public interface WellBeingEvidenceSource {

	/**
	 * Evidence for one program (its people, or offerings open to it) on days {@code from}
	 * to {@code toExclusive}.
	 */
	List<Evidence> evidence(UUID program, LocalDate from, LocalDate toExclusive);

	/** What a count measures; the pack words it. */
	enum Kind {

		/** Curriculum sessions held whose topics address the requirement. */
		SESSIONS_DELIVERED,
		/** Confidential consultation slots offered. */
		CARE_SLOTS,
		/** Of those, slots outside 08:00–18:00 on weekdays, or at weekends. */
		CARE_SLOTS_AFTER_HOURS

	}

	record Evidence(WellBeingRequirement requirement, Kind kind, long count) {
	}

}
