package org.cpr.survey;

import java.util.List;
import java.util.UUID;
import org.cpr.identity.CprUser;

/**
 * Disclosure-controlled wave reports, only for the campaign's owner and the leaders of
 * its audience; anyone else gets the same {@link SurveyConflictException} (404) as for a
 * wave that does not exist.
 */
public interface SurveyReports {

	WaveReport report(CprUser viewer, UUID waveId);

	/** The report's score cells in the JSON API shape. */
	List<ReportCell> meanScoreByHospital(CprUser viewer, UUID waveId);

	/** The wave's response rates, to the same people as its report. */
	List<ResponseRate> rates(CprUser viewer, UUID waveId);

	/**
	 * The change of the main score from {@code beforeWave} to {@code afterWave} (two
	 * waves of one campaign, e.g. a course's pre and post measure), to the same people as
	 * the reports; released only when both waves' overall cells are (so each wave meets
	 * its thresholds, and the later wave is not hidden behind the earlier one, I-4).
	 */
	ScoreChange change(CprUser viewer, UUID beforeWave, UUID afterWave);

}
