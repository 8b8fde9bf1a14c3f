package org.cpr.assessment.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import org.cpr.identity.IdentityManagement;
import org.cpr.identity.OrgUnitSummary;
import org.cpr.shared.PersonId;
import org.cpr.shared.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Participation and band distributions by org unit for program directors and administrators. Each
 * person counts once (their latest snapshot this calendar year); each respondent is an opaque unit
 * (the submission id, never the person), and every cell goes through the {@link DisclosureGate}.
 */
@Component
public class SnapshotAggregate {

    /** One cell as shown: either released figures or "fewer than N responses". */
    public record Cell(String unitName, boolean released, Long respondents, Map<String, Long> bands, int threshold) {
    }

    /** One table: participation (no bands) or one instrument's bands, a row per org unit plus "all". */
    public record Table(String instrumentId, List<String> bandOrder, List<Cell> cells) {
    }

    private final JdbcClient jdbc;
    private final DisclosureGate gate;
    private final IdentityManagement identity;
    private final Clock clock;

    SnapshotAggregate(JdbcClient jdbc, DisclosureGate gate, IdentityManagement identity, Clock clock) {
        this.jdbc = jdbc;
        this.gate = gate;
        this.identity = identity;
        this.clock = clock;
    }

    private record Row(String submission, UUID unit, String instrument, String band) {
    }

    public List<Table> report(PersonId viewer, Role role) {
        int year = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).getYear();
        Timestamp from = Timestamp.from(LocalDate.of(year, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC));
        Timestamp to = Timestamp.from(LocalDate.of(year + 1, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC));
        List<Row> rows = jdbc.sql("""
                SELECT CAST(s.id AS VARCHAR(36)), s.org_unit_id, r.instrument_id, r.band
                FROM assessment_submission s LEFT JOIN assessment_result r ON r.submission_id = s.id
                WHERE s.submitted_at >= ? AND s.submitted_at < ? AND s.submitted_at = (SELECT MAX(t.submitted_at)
                  FROM assessment_submission t WHERE t.person_id = s.person_id AND t.submitted_at >= ? AND t.submitted_at < ?)
                ORDER BY s.id""")
                .params(from, to, from, to)
                .query((rs, n) -> new Row(rs.getString(1), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4))).list();
        Map<UUID, String> names = new LinkedHashMap<>();
        for (OrgUnitSummary u : identity.orgUnits()) {
            if (role == Role.ADMINISTRATOR || identity.holds(viewer, role, u.id())) {
                names.put(u.id().value(), u.name());
            }
        }
        String round = "snapshot-" + year;
        List<Table> tables = new ArrayList<>();
        tables.add(table(viewer, role, round, "participation", null, List.of(), rows, names));
        Set<String> instruments = new java.util.TreeSet<>();
        rows.stream().filter(r -> r.instrument() != null).forEach(r -> instruments.add(r.instrument()));
        for (String instrument : instruments) {
            List<String> bandOrder = rows.stream().filter(r -> instrument.equals(r.instrument()) && r.band() != null)
                    .map(Row::band).distinct().sorted().toList();
            tables.add(table(viewer, role, round, instrument, instrument, bandOrder, rows, names));
        }
        return tables;
    }

    private Table table(PersonId viewer, Role role, String round, String measure, String instrument, List<String> bandOrder,
                        List<Row> rows, Map<UUID, String> names) {
        Map<String, Contribution> all = new LinkedHashMap<>();
        Map<UUID, Map<String, Contribution>> byUnit = new LinkedHashMap<>();
        for (Row r : rows) {
            if (instrument != null && (!instrument.equals(r.instrument()) || r.band() == null)) {
                continue;
            }
            double value = instrument == null ? 1 : bandOrder.indexOf(r.band());
            Contribution c = Contribution.value(r.submission(), value);
            all.putIfAbsent(r.submission(), c);
            if (r.unit() != null && names.containsKey(r.unit())) {
                byUnit.computeIfAbsent(r.unit(), k -> new LinkedHashMap<>()).putIfAbsent(r.submission(), c);
            }
        }
        List<CellRequest> cells = new ArrayList<>();
        cells.add(new CellRequest("all", null, 0, List.of(), List.copyOf(all.values())));
        names.keySet().forEach(u -> cells.add(new CellRequest(u.toString(), "all", 1, List.of(),
                List.copyOf(byUnit.getOrDefault(u, Map.of()).values()))));
        List<CellResult> results = gate.evaluate(new DisclosureRequest(viewer, role, round, "snapshot." + measure,
                MeasureType.NUMERIC, DisclosurePolicy.defaults(), cells));
        List<Cell> shown = new ArrayList<>();
        for (CellResult r : results) {
            String name = "all".equals(r.cellKey()) ? null : names.get(UUID.fromString(r.cellKey()));
            if (r instanceof Released rel && rel.statistic() instanceof Statistic.NumericSummary n) {
                Map<String, Long> bands = new LinkedHashMap<>();
                if (instrument != null) {
                    for (int i = 0; i < bandOrder.size(); i++) {
                        bands.put(bandOrder.get(i), n.distribution().getOrDefault((double) i, 0L));
                    }
                }
                shown.add(new Cell(name, true, rel.respondents(), bands, 0));
            } else {
                int threshold = r instanceof Suppressed s ? s.threshold() : DisclosurePolicy.DEFAULT_MIN_RESPONDENTS;
                shown.add(new Cell(name, false, null, Map.of(), threshold));
            }
        }
        return new Table(instrument, bandOrder, shown);
    }
}
