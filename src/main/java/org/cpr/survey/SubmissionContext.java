package org.cpr.survey;

import java.util.List;

/** The coarse grouping a respondent may give with an answer (each part optional). */
public record SubmissionContext(String hospital, String rotation, String pgyBand) {

	/**
	 * The rotation settings a respondent may give (coarse on purpose; never free text).
	 */
	public static final List<String> ROTATIONS = List.of("inpatient", "icu", "emergency", "clinic", "surgery", "nights",
			"other");

	/** PGY bands a respondent may give. */
	public static final List<String> PGY_BANDS = List.of("PGY1", "PGY2-3", "PGY4+");

}
