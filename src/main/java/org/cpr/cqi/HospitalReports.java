package org.cpr.cqi;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.cpr.identity.IdentityManagement;
import org.cpr.identity.OrgUnitKind;
import org.cpr.identity.OrgUnitSummary;
import org.cpr.shared.OrgUnitId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Builds the per-hospital CQI report (page and PDF share this model). */
@Service
class HospitalReports {

	private final IdentityManagement identity;

	private final CqiReports reports;

	private final SpeakUpCounts counts;

	private final CqiEvidence evidence;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final org.cpr.survey.SurveyRates surveyRates;

	HospitalReports(IdentityManagement identity, CqiReports reports, SpeakUpCounts counts, CqiEvidence evidence,
			JdbcClient jdbc, Clock clock, org.cpr.survey.SurveyRates surveyRates) {
		this.surveyRates = surveyRates;
		this.identity = identity;
		this.reports = reports;
		this.counts = counts;
		this.evidence = evidence;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** The hospitals a report can be made for, from the org tree. */
	public List<OrgUnitSummary> hospitals() {
		return identity.orgUnitsOfKind(OrgUnitKind.HOSPITAL);
	}

	/** The report for a hospital; empty when the id is not a hospital of the org tree. */
	@Transactional // not read-only: the disclosure gate records what it released
	public Optional<HospitalReport> build(OrgUnitId hospitalId, CqiViewer viewer) {
		Optional<OrgUnitSummary> hospital = hospitals().stream().filter(h -> h.id().equals(hospitalId)).findFirst();
		if (hospital.isEmpty()) {
			return Optional.empty();
		}
		Set<OrgUnitId> scope = identity.subtree(hospitalId);
		List<UUID> ids = scope.stream().map(OrgUnitId::value).toList();
		Quarter quarter = Quarter.of(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
		ReportCounts now = counts.count(viewer, hospitalId, quarter, scope);
		ReportCounts before = counts.count(viewer, hospitalId, quarter.previous(), scope);
		List<HospitalReport.EvidenceLine> lines = jdbc.sql("""
				SELECT i.id, i.title, i.category, i.status FROM cqi_item i
				WHERE i.hospital_id IN (:scope) AND (EXISTS (SELECT 1 FROM cqi_evidence_count c WHERE c.item_id = i.id)
				   OR EXISTS (SELECT 1 FROM cqi_evidence_quote q WHERE q.item_id = i.id AND q.status = 'RELEASED'))
				ORDER BY i.title""")
			.param("scope", ids)
			.query((rs,
					n) -> new Object[] { rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
							rs.getString(4) })
			.list()
			.stream()
			.map(r -> new HospitalReport.EvidenceLine((String) r[1], CqiCategory.valueOf((String) r[2]),
					CqiStatus.valueOf((String) r[3]), evidence.of((UUID) r[0], viewer, false)))
			.toList();
		return Optional.of(new HospitalReport(hospital.get(), reports.build(ids), now, before, lines,
				surveyRates.forHospital(hospital.get().code(), 12)));
	}

}
