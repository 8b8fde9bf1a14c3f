package org.cpr.survey;

import java.util.List;
import java.util.UUID;
import org.cpr.identity.CprUser;

/**
 * Disclosure-controlled wave reports, only for the campaign's owner and the leaders of its audience;
 * anyone else gets the same {@link SurveyConflictException} (404) as for a wave that does not exist.
 */
public interface SurveyReports {

    WaveReport report(CprUser viewer, UUID waveId);

    /** The report's score cells in the JSON API shape. */
    List<ReportCell> meanScoreByHospital(CprUser viewer, UUID waveId);

    /** The wave's response rates, to the same people as its report. */
    List<ResponseRate> rates(CprUser viewer, UUID waveId);
}
