package org.cpr.assessment.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.cpr.assessment.AggregateCell;
import org.cpr.assessment.AggregateTable;
import org.cpr.assessment.SnapshotStep;
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
 * Participation and band distributions by org unit for program directors and
 * administrators. Each person counts once (their latest snapshot this calendar year);
 * each respondent is an opaque unit (the submission id, never the person), and every cell
 * goes through the {@link DisclosureGate}.
 *
 * <p>
 * The shape of every table comes from definitions, never from the data: one table per
 * instrument of the configured battery (follow-ups included, whether or not anyone was
 * asked them), the columns are the instrument definition's bands, the rows are the
 * viewer's org units. So a fully suppressed table looks the same whatever is behind it.
 * For a health screen a row's bands are shown only when its count of positive screens may
 * be (0 or ≥ 11, not everyone).
 */
@Component
class SnapshotAggregate {

	private final JdbcClient jdbc;

	private final DisclosureGate gate;

	private final IdentityManagement identity;

	private final Battery battery;

	private final Instruments instruments;

	private final Clock clock;

	SnapshotAggregate(JdbcClient jdbc, DisclosureGate gate, IdentityManagement identity, Battery battery,
			Instruments instruments, Clock clock) {
		this.jdbc = jdbc;
		this.gate = gate;
		this.identity = identity;
		this.battery = battery;
		this.instruments = instruments;
		this.clock = clock;
	}

	private record Row(String submission, UUID unit, String instrument, String band, boolean positive) {
	}

	public List<AggregateTable> report(PersonId viewer, Role role) {
		int year = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).getYear();
		Timestamp from = Timestamp.from(LocalDate.of(year, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC));
		Timestamp to = Timestamp.from(LocalDate.of(year + 1, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC));
		List<Row> rows = jdbc
			.sql("""
					SELECT CAST(s.id AS VARCHAR(36)), s.org_unit_id, r.instrument_id, r.band, r.flags
					FROM assessment_submission s LEFT JOIN assessment_result r ON r.submission_id = s.id
					WHERE s.submitted_at >= ? AND s.submitted_at < ? AND s.submitted_at = (SELECT MAX(t.submitted_at)
					  FROM assessment_submission t WHERE t.person_id = s.person_id AND t.submitted_at >= ? AND t.submitted_at < ?)
					ORDER BY s.id""")
			.params(from, to, from, to)
			.query((rs, n) -> new Row(rs.getString(1), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
					rs.getString(5) != null && List.of(rs.getString(5).split(",")).contains("POSITIVE")))
			.list();
		Map<UUID, String> names = new LinkedHashMap<>();
		for (OrgUnitSummary u : identity.orgUnits()) {
			if (role == Role.ADMINISTRATOR || identity.holds(viewer, role, u.id())) {
				names.put(u.id().value(), u.name());
			}
		}
		String round = "snapshot-" + year;
		List<AggregateTable> tables = new ArrayList<>();
		tables.add(table(viewer, role, round, "participation", null, List.of(), false, rows, names));
		for (String instrument : configuredInstruments()) {
			tables.add(table(viewer, role, round, instrument, instrument, instruments.bandCodes(instrument),
					instruments.healthScreen(instrument), rows, names));
		}
		return tables;
	}

	/**
	 * Every instrument of the battery in its order, each follow-up right after its
	 * screener.
	 */
	private List<String> configuredInstruments() {
		Set<String> ids = new LinkedHashSet<>();
		for (SnapshotStep step : battery.steps()) {
			ids.add(step.instrumentId());
			if (step.followUpId() != null) {
				ids.add(step.followUpId());
			}
		}
		return List.copyOf(ids);
	}

	private AggregateTable table(PersonId viewer, Role role, String round, String measure, String instrument,
			List<String> bandOrder, boolean healthScreen, List<Row> rows, Map<UUID, String> names) {
		Map<String, Contribution> all = new LinkedHashMap<>();
		Map<UUID, Map<String, Contribution>> byUnit = new LinkedHashMap<>();
		Map<String, Contribution> screens = new LinkedHashMap<>();
		for (Row r : rows) {
			if (instrument != null && (!instrument.equals(r.instrument()) || !bandOrder.contains(r.band()))) {
				continue;
			}
			double value = instrument == null ? 1 : bandOrder.indexOf(r.band());
			all.putIfAbsent(r.submission(), Contribution.value(r.submission(), value));
			screens.putIfAbsent(r.submission(), Contribution.screen(r.submission(), r.positive()));
			if (r.unit() != null && names.containsKey(r.unit())) {
				byUnit.computeIfAbsent(r.unit(), k -> new LinkedHashMap<>())
					.putIfAbsent(r.submission(), all.get(r.submission()));
			}
		}
		List<CellRequest> cells = new ArrayList<>();
		List<CellRequest> screenCells = new ArrayList<>();
		cells.add(new CellRequest("all", null, 0, List.of(), List.copyOf(all.values())));
		screenCells.add(new CellRequest("all", null, 0, List.of(), List.copyOf(screens.values())));
		names.keySet().forEach(u -> {
			Map<String, Contribution> mine = byUnit.getOrDefault(u, Map.of());
			cells.add(new CellRequest(u.toString(), "all", 1, List.of(), List.copyOf(mine.values())));
			screenCells.add(new CellRequest(u.toString(), "all", 1, List.of(),
					mine.keySet().stream().map(screens::get).toList()));
		});
		List<CellResult> results = gate.evaluate(new DisclosureRequest(viewer, role, round, "snapshot." + measure,
				MeasureType.NUMERIC, DisclosurePolicy.defaults(), cells));
		List<CellResult> screened = healthScreen
				? gate.evaluate(new DisclosureRequest(viewer, role, round, "snapshot." + measure + ".positive",
						MeasureType.POSITIVE_SCREEN, DisclosurePolicy.defaults(), screenCells))
				: results;
		List<AggregateCell> shown = new ArrayList<>();
		for (int i = 0; i < results.size(); i++) {
			CellResult r = results.get(i);
			CellResult screen = screened.get(i);
			String name = "all".equals(r.cellKey()) ? null : names.get(UUID.fromString(r.cellKey()));
			if (r instanceof Released rel && screen.released()
					&& rel.statistic() instanceof Statistic.NumericSummary n) {
				Map<String, Long> bands = new LinkedHashMap<>();
				for (int b = 0; b < bandOrder.size(); b++) {
					bands.put(bandOrder.get(b), n.distribution().getOrDefault((double) b, 0L));
				}
				shown.add(new AggregateCell(name, true, rel.respondents(), bands, null, List.of()));
			}
			else {
				Suppressed s = (Suppressed) (r instanceof Suppressed ? r : screen);
				shown
					.add(new AggregateCell(name, false, null, Map.of(), s.messageKey(), List.of(s.messageArguments())));
			}
		}
		return new AggregateTable(instrument, bandOrder, shown);
	}

}
