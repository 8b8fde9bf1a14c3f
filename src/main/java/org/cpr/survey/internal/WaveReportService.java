package org.cpr.survey.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cpr.disclosure.CellRequest;
import org.cpr.disclosure.CellResult;
import org.cpr.disclosure.Contribution;
import org.cpr.disclosure.DisclosureGate;
import org.cpr.disclosure.DisclosurePolicy;
import org.cpr.disclosure.DisclosureRequest;
import org.cpr.disclosure.MeasureType;
import org.cpr.disclosure.Released;
import org.cpr.disclosure.Statistic;
import org.cpr.disclosure.Suppressed;
import org.cpr.shared.PersonId;
import org.cpr.shared.Role;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/** The facilitator's per-wave report: mean score overall and per hospital, every cell through the DisclosureGate. */
@Service
class WaveReportService {

    record Cell(String group, boolean released, Long respondents, Double mean, Map<Double, Long> distribution,
                String suppressedMessage) {
    }

    private final JdbcTemplate jdbc;
    private final DisclosureGate gate;
    private final CampaignService campaigns;

    WaveReportService(JdbcTemplate jdbc, DisclosureGate gate, CampaignService campaigns) {
        this.jdbc = jdbc;
        this.gate = gate;
        this.campaigns = campaigns;
    }

    List<Cell> meanScoreByHospital(PersonId viewer, Role role, UUID waveId) {
        Campaign c = campaigns.campaignOfWave(waveId).orElseThrow(() -> new SurveyConflictException(404, "survey.wave.notFound"));
        String table = c.privacyMode().identified() ? "survey_response_identified" : "survey_response_anon";
        String hospital = c.privacyMode().identified() ? "NULL" : "hospital";
        Map<String, List<Contribution>> byHospital = new LinkedHashMap<>();
        List<Contribution> all = new ArrayList<>();
        jdbc.query("SELECT CAST(id AS VARCHAR) AS id, " + hospital + " AS hospital, score FROM " + table
            + " WHERE wave_id = ? AND score IS NOT NULL ORDER BY id", rs -> {
                double s = rs.getDouble("score");
                Contribution k = new Contribution(rs.getString("id"), 1, s, s * s, 0, null);
                all.add(k);
                String h = rs.getString("hospital");
                byHospital.computeIfAbsent(h == null ? "unknown" : h, x -> new ArrayList<>()).add(k);
            }, waveId);
        List<CellRequest> cells = new ArrayList<>();
        cells.add(new CellRequest("all", null, 0, List.of(), all));
        byHospital.forEach((h, list) -> cells.add(new CellRequest("hospital:" + h, "all", 1, List.of(), list)));
        DisclosurePolicy policy = DisclosurePolicy.defaults().strengthen(c.minRespondents(), c.minComments(),
            DisclosurePolicy.DEFAULT_MIN_POSITIVE_COUNT);
        List<CellResult> results = gate.evaluate(new DisclosureRequest(viewer, role, waveId.toString(), "score",
            MeasureType.NUMERIC, policy, cells));
        return results.stream().map(WaveReportService::cell).toList();
    }

    private static Cell cell(CellResult r) {
        if (r instanceof Released rel && rel.statistic() instanceof Statistic.NumericSummary n) {
            return new Cell(r.cellKey(), true, rel.respondents(), n.mean(), n.distribution(), null);
        }
        int threshold = r instanceof Suppressed s ? s.threshold() : DisclosurePolicy.DEFAULT_MIN_RESPONDENTS;
        return new Cell(r.cellKey(), false, null, null, null, "fewer than " + threshold + " responses");
    }
}
