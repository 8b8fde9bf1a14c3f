package org.cpr.survey.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import org.cpr.questionnaire.FormView;
import org.cpr.questionnaire.Scoring;
import org.cpr.shared.PersonId;
import org.cpr.shared.Role;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The per-wave report. Every figure goes through the {@link DisclosureGate}: the main score overall,
 * by group (hospital for anonymous campaigns, the respondent's program or department for identified
 * ones) and by PGY band; each choice item's distribution; free-text comments. Nothing is computed
 * for display outside the gate.
 *
 * <p>Two ways to feed the gate. Up to {@link #RESPONDENT_LIMIT} responses, every response is a unit
 * keyed by its random id, so the gate's ledger sees every earlier release to this viewer in the wave
 * and refuses any figure that would isolate fewer than the threshold (including "before and after one
 * more response"). Above it, only a closed wave is reported, from base cells (one SQL GROUP BY over a
 * covering index), because a live report of a huge wave cannot be made both fast and difference-safe;
 * item details are then omitted.
 */
@Service
class WaveReportService {

    static final int RESPONDENT_LIMIT = 20_000;

    /** API shape: one row per score cell. */
    record Cell(String group, boolean released, Long respondents, Double mean, Map<Double, Long> distribution,
                String suppressedMessage) {
    }

    record Row(String key, String label, CellResult result, String parentLabel) {
    }

    record Choice(String label, Long count) {
    }

    record ItemRow(String linkId, String text, CellResult result, List<Choice> choices) {
    }

    record CommentBlock(String linkId, String text, CellResult result) {
    }

    record Report(Campaign campaign, CampaignService.WaveRow wave, long responses, boolean large, boolean hiddenUntilClose,
                  List<Row> scores, List<ItemRow> items, List<CommentBlock> comments, DisclosurePolicy policy) {
    }

    private final JdbcTemplate jdbc;
    private final DisclosureGate gate;
    private final CampaignService campaigns;
    private final InstrumentScorer scorer;
    private final Scoring scoring;
    private final GroupLabels labels;
    private final Clock clock;
    private final org.springframework.transaction.support.TransactionTemplate tx;
    private final ObjectMapper json = new ObjectMapper();
    private final AnonymousResponsePool pool;

    WaveReportService(JdbcTemplate jdbc, DisclosureGate gate, CampaignService campaigns, InstrumentScorer scorer,
                      Scoring scoring, GroupLabels labels, Clock clock,
                      org.springframework.transaction.PlatformTransactionManager txm, AnonymousResponsePool pool) {
        this.pool = pool;
        this.tx = new org.springframework.transaction.support.TransactionTemplate(txm);
        this.jdbc = jdbc;
        this.gate = gate;
        this.campaigns = campaigns;
        this.scorer = scorer;
        this.scoring = scoring;
        this.labels = labels;
        this.clock = clock;
    }

    List<Cell> meanScoreByHospital(PersonId viewer, Role role, UUID waveId) {
        return report(viewer, role, waveId).scores().stream().map(WaveReportService::cell).toList();
    }

    Report report(PersonId viewer, Role role, UUID waveId) {
        Campaign c = campaigns.campaignOfWave(waveId)
            .orElseThrow(() -> new SurveyConflictException(404, "survey.wave.notFound"));
        CampaignService.WaveRow wave = campaigns.wave(waveId).orElseThrow();
        DisclosurePolicy policy = DisclosurePolicy.defaults().strengthen(c.minRespondents(), c.minComments(),
            DisclosurePolicy.DEFAULT_MIN_POSITIVE_COUNT);
        boolean anon = !c.privacyMode().identified();
        String table = anon ? "survey_response_anon" : "survey_response_identified";
        if (anon) {
            // A closed wave's last pooled answers become readable before anything is counted or stored.
            pool.flushClosed(waveId);
        }
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE wave_id = ?", Long.class, waveId);
        long responses = n == null ? 0 : n;
        boolean closed = LocalDate.now(clock).isAfter(wave.closesOn());
        if (responses > RESPONDENT_LIMIT) {
            if (!closed) {
                return new Report(c, wave, responses, true, true, List.of(), List.of(), List.of(), policy);
            }
            return new Report(c, wave, responses, true, false, baseCellScores(viewer, role, c, waveId, policy, anon),
                List.of(), List.of(), policy);
        }
        return respondentReport(viewer, role, c, wave, responses, policy, anon);
    }

    // ---- base cells (large closed waves) -------------------------------------------------------

    private List<Row> baseCellScores(PersonId viewer, Role role, Campaign c, UUID waveId, DisclosurePolicy policy,
                                     boolean anon) {
        String sql = anon
            ? "SELECT hospital AS grp, pgy_band AS pgy, rotation AS rot, COUNT(*) AS n, SUM(score) AS s,"
                + " SUM(score * score) AS ss FROM survey_response_anon WHERE wave_id = ? AND score IS NOT NULL"
                + " GROUP BY hospital, pgy_band, rotation"
            : "SELECT CAST(r.org_unit_id AS VARCHAR) AS grp, NULL AS pgy, NULL AS rot, COUNT(*) AS n, SUM(i.score) AS s,"
                + " SUM(i.score * i.score) AS ss FROM survey_response_identified i JOIN survey_wave w ON w.id = i.wave_id"
                + " LEFT JOIN survey_roster r ON r.campaign_id = w.campaign_id AND r.person_id = i.person_id"
                + " WHERE i.wave_id = ? AND i.score IS NOT NULL GROUP BY r.org_unit_id";
        String source = materialized(waveId, sql)
            ? "SELECT grp, pgy, rot, n, s, ss FROM survey_wave_aggregate WHERE wave_id = ?" : sql;
        Groups groups = new Groups();
        jdbc.query(source, rs -> {
            String grp = rs.getString("grp");
            String pgy = rs.getString("pgy");
            String key = grp + "|" + pgy + "|" + rs.getString("rot");
            groups.add(grp, pgy, Contribution.aggregate(key, rs.getLong("n"), rs.getDouble("s"), rs.getDouble("ss"), 0));
        }, waveId);
        return scoreRows(viewer, role, waveId + ":base", policy, groups);
    }

    /**
     * Makes sure the closed wave's base cells are stored; returns false if another request is
     * computing them right now (the caller then runs the GROUP BY itself).
     */
    private boolean materialized(UUID waveId, String groupBy) {
        Integer done = jdbc.queryForObject("SELECT COUNT(*) FROM survey_wave_aggregated WHERE wave_id = ?", Integer.class, waveId);
        if (done != null && done > 0) {
            return true;
        }
        try {
            tx.executeWithoutResult(st -> {
                jdbc.update("INSERT INTO survey_wave_aggregated (wave_id, computed_on) VALUES (?, ?)", waveId, LocalDate.now(clock));
                jdbc.update("INSERT INTO survey_wave_aggregate (wave_id, grp, pgy, rot, n, s, ss) SELECT CAST(? AS UUID), grp, pgy, rot, n, s, ss"
                    + " FROM (" + groupBy + ") base", waveId, waveId);
            });
            return true;
        } catch (org.springframework.dao.DuplicateKeyException concurrent) {
            return false;
        }
    }

    // ---- respondent units ----------------------------------------------------------------------

    private Report respondentReport(PersonId viewer, Role role, Campaign c, CampaignService.WaveRow wave, long responses,
                                    DisclosurePolicy policy, boolean anon) {
        UUID waveId = wave.id();
        String sql = anon
            ? "SELECT CAST(id AS VARCHAR) AS id, hospital AS grp, pgy_band AS pgy, score, answers"
                + " FROM survey_response_anon WHERE wave_id = ? ORDER BY id"
            : "SELECT CAST(i.id AS VARCHAR) AS id, CAST(r.org_unit_id AS VARCHAR) AS grp, NULL AS pgy, i.score, i.answers"
                + " FROM survey_response_identified i JOIN survey_wave w ON w.id = i.wave_id"
                + " LEFT JOIN survey_roster r ON r.campaign_id = w.campaign_id AND r.person_id = i.person_id"
                + " WHERE i.wave_id = ? ORDER BY i.id";
        FormView form = scoring.form(scorer.version(c));
        Groups groups = new Groups();
        Map<String, List<Contribution>> itemUnits = new LinkedHashMap<>();
        Map<String, List<Contribution>> commentUnits = new LinkedHashMap<>();
        jdbc.query(sql, rs -> {
            String id = rs.getString("id");
            if (rs.getObject("score") != null) {
                groups.add(rs.getString("grp"), rs.getString("pgy"), Contribution.value(id, rs.getDouble("score")));
            }
            JsonNode answers = parse(rs.getString("answers"));
            for (FormView.Item item : form.items()) {
                JsonNode a = answers.get(item.linkId());
                if (a == null || a.isNull()) {
                    continue;
                }
                if (isChoice(item) && a.isNumber()) {
                    itemUnits.computeIfAbsent(item.linkId(), k -> new ArrayList<>()).add(Contribution.value(id, a.asDouble()));
                } else if (isText(item) && a.isTextual() && !a.asText().isBlank()) {
                    commentUnits.computeIfAbsent(item.linkId(), k -> new ArrayList<>()).add(Contribution.comment(id, a.asText()));
                }
            }
        }, waveId);
        String round = waveId.toString();
        List<Row> scores = groups.all.isEmpty() && !form.items().isEmpty() && groups.byGroup.isEmpty()
            ? List.of() : scoreRows(viewer, role, round, policy, groups);
        List<ItemRow> items = new ArrayList<>();
        List<CommentBlock> comments = new ArrayList<>();
        for (FormView.Item item : form.items()) {
            if (isChoice(item)) {
                List<Contribution> units = itemUnits.getOrDefault(item.linkId(), List.of());
                CellResult r = single(viewer, role, round, "item:" + item.linkId(), MeasureType.NUMERIC, policy, units);
                items.add(new ItemRow(item.linkId(), item.text(), r, choices(item, r)));
            } else if (isText(item)) {
                List<Contribution> units = commentUnits.getOrDefault(item.linkId(), List.of());
                comments.add(new CommentBlock(item.linkId(), item.text(),
                    single(viewer, role, round, "comments:" + item.linkId(), MeasureType.COMMENTS, policy, units)));
            }
        }
        return new Report(c, wave, responses, false, false, scores, items, comments, policy);
    }

    private List<Row> scoreRows(PersonId viewer, Role role, String round, DisclosurePolicy policy, Groups groups) {
        List<CellRequest> cells = new ArrayList<>();
        List<String[]> meta = new ArrayList<>();
        String allLabel = labels.all();
        cells.add(new CellRequest("all", null, 0, List.of(), groups.all));
        meta.add(new String[] {allLabel, null});
        groups.byGroup.forEach((g, list) -> {
            cells.add(new CellRequest("group:" + g, "all", 1, List.of("group"), list));
            meta.add(new String[] {labels.group(g), allLabel});
        });
        groups.byPgy.forEach((p, list) -> {
            cells.add(new CellRequest("pgy:" + p, "all", 1, List.of("pgy"), list));
            meta.add(new String[] {labels.pgy(p), allLabel});
        });
        List<CellResult> results = gate.evaluate(new DisclosureRequest(viewer, role, round, "score",
            MeasureType.NUMERIC, policy, cells));
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            rows.add(new Row(results.get(i).cellKey(), meta.get(i)[0], results.get(i), meta.get(i)[1]));
        }
        return rows;
    }

    private CellResult single(PersonId viewer, Role role, String round, String measure, MeasureType type,
                              DisclosurePolicy policy, List<Contribution> units) {
        return gate.evaluate(new DisclosureRequest(viewer, role, round, measure, type, policy,
            List.of(new CellRequest("all", null, 0, List.of(), units)))).get(0);
    }

    private static List<Choice> choices(FormView.Item item, CellResult r) {
        if (!(r instanceof Released rel) || !(rel.statistic() instanceof Statistic.NumericSummary s)) {
            return List.of();
        }
        List<Choice> out = new ArrayList<>();
        for (FormView.Option o : item.options()) {
            Long count = null;
            try {
                count = s.distribution().getOrDefault(Double.parseDouble(o.value()), 0L);
            } catch (NumberFormatException e) {
                count = null;
            }
            out.add(new Choice(o.label(), count));
        }
        return out;
    }

    private static boolean isChoice(FormView.Item item) {
        return "CHOICE".equals(item.kind()) && !item.options().isEmpty();
    }

    private static boolean isText(FormView.Item item) {
        return "STRING".equals(item.kind()) || "TEXT".equals(item.kind());
    }

    private JsonNode parse(String text) {
        try {
            return json.readTree(text == null ? "{}" : text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return json.createObjectNode();
        }
    }

    private static Cell cell(Row row) {
        CellResult r = row.result();
        String group = row.key().startsWith("group:") ? "hospital:" + row.key().substring(6) : row.key();
        if (r instanceof Released rel && rel.statistic() instanceof Statistic.NumericSummary s) {
            return new Cell(group, true, rel.respondents(), s.mean(), s.distribution(), null);
        }
        int threshold = r instanceof Suppressed s ? s.threshold() : DisclosurePolicy.DEFAULT_MIN_RESPONDENTS;
        return new Cell(group, false, null, null, null, "fewer than " + threshold + " responses");
    }

    /** Contributions by group and PGY band; nulls become "unknown". */
    private static final class Groups {
        final List<Contribution> all = new ArrayList<>();
        final Map<String, List<Contribution>> byGroup = new LinkedHashMap<>();
        final Map<String, List<Contribution>> byPgy = new LinkedHashMap<>();

        void add(String group, String pgy, Contribution c) {
            all.add(c);
            byGroup.computeIfAbsent(group == null ? "unknown" : group, k -> new ArrayList<>()).add(c);
            if (pgy != null) {
                byPgy.computeIfAbsent(pgy, k -> new ArrayList<>()).add(c);
            }
        }
    }
}
