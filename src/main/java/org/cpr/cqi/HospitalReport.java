package org.cpr.cqi;

import java.util.List;

import org.cpr.identity.OrgUnitSummary;

/**
 * The CQI report for one hospital: its register (open items by age and category,
 * decisions, time to resolution), speak-up report counts for this and the previous
 * quarter, the response rates of its feedback campaigns (small groups shown as "fewer
 * than N"), and the released evidence of its items — every count through the disclosure
 * gate.
 */
record HospitalReport(OrgUnitSummary hospital, CqiReportData register, ReportCounts thisQuarter,
		ReportCounts previousQuarter, List<EvidenceLine> evidence,
		List<org.cpr.survey.SurveyRates.WaveRate> surveyRates) {

	/** An item of the hospital with the evidence a leadership reader may see. */
	public record EvidenceLine(String itemTitle, CqiCategory category, CqiStatus status, ItemEvidence evidence) {
	}
}
