package org.cpr.peersupport.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
import org.cpr.peersupport.PeerReports;
import org.cpr.shared.PersonId;
import org.cpr.shared.Role;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** {@link PeerReports} over the module's own stores: callers see only the interface. */
@Service("peerReports")
class PeerReportsService implements PeerReports {

	static final DisclosurePolicy POLICY = DisclosurePolicy.defaults().strengthen(MIN_COUNT, MIN_COUNT, MIN_COUNT);

	private static final int SETTLE_DAYS = 7;

	private final ReportCells cells;

	private final DisclosureGate gate;

	private final IdentityManagement identity;

	private final Clock clock;

	private final Duration target;

	PeerReportsService(ReportCells cells, DisclosureGate gate, IdentityManagement identity, Clock clock,
			@Value("${cpr.peersupport.first-contact-target:PT24H}") Duration target) {
		this.cells = cells;
		this.gate = gate;
		this.identity = identity;
		this.clock = clock;
		this.target = target;
	}

	@Override
	@Transactional // not read-only: the gate records what it released
	public PeerReport report(PersonId viewer, Role role, int year) {
		LocalDate today = LocalDate.now(clock);
		YearMonth settled = YearMonth.from(today.minusDays(SETTLE_DAYS)); // months before
																			// this one
																			// are counted
		YearMonth first = YearMonth.of(year, 1);
		YearMonth end = settled.isAfter(YearMonth.of(year, 12)) ? YearMonth.of(year + 1, 1) : settled;
		if (!end.isAfter(first)) {
			return new PeerReport(year, null, null, List.of(), List.of(), List.of(), null, null);
		}
		List<ReportCells.Cell> base = cells.cells(first.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC),
				end.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC), target);
		String round = "peersupport:" + Year.of(year);
		Map<String, List<Contribution>> groups = new LinkedHashMap<>();
		List<Contribution> all = new ArrayList<>();
		for (ReportCells.Cell c : base) {
			Contribution unit = Contribution.aggregate(c.key(), c.requests(), c.requests(), c.requests(), 0);
			all.add(unit);
			groups.computeIfAbsent("month:" + c.month(), k -> new ArrayList<>()).add(unit);
			groups.computeIfAbsent("profession:" + c.profession(), k -> new ArrayList<>()).add(unit);
			groups.computeIfAbsent("department:" + c.department(), k -> new ArrayList<>()).add(unit);
		}
		List<CellRequest> requests = new ArrayList<>();
		requests.add(new CellRequest("total", null, 0, List.of(), all));
		groups.forEach((key, units) -> requests
			.add(new CellRequest(key, "total", 1, List.of(key.substring(0, key.indexOf(':'))), units)));
		List<CellResult> results = all.isEmpty() ? List.of() : gate.evaluate(
				new DisclosureRequest(viewer, role, round, "peer.requests", MeasureType.NUMERIC, POLICY, requests));
		Map<String, String> departments = new LinkedHashMap<>();
		for (OrgUnitSummary u : identity.orgUnits()) {
			departments.put(u.id().toString(), u.name());
		}
		Figure total = all.isEmpty() ? zero("total") : figure("total", results.get(0), false);
		List<Figure> months = new ArrayList<>();
		List<Figure> professions = new ArrayList<>();
		List<Figure> depts = new ArrayList<>();
		for (int i = 1; i < results.size(); i++) {
			String key = requests.get(i).cellKey();
			String value = key.substring(key.indexOf(':') + 1);
			if (key.startsWith("month:")) {
				months.add(figure(value, results.get(i), false));
			}
			else if (key.startsWith("profession:")) {
				professions.add(figure(value, results.get(i), false));
			}
			else {
				depts.add(figure(departments.getOrDefault(value, "—"), results.get(i), false));
			}
		}
		return new PeerReport(year, end.minusMonths(1), total, months, professions, depts,
				reachIns(viewer, role, round, base), hours(viewer, role, round, base));
	}

	private Figure reachIns(PersonId viewer, Role role, String round, List<ReportCells.Cell> base) {
		List<Contribution> units = base.stream()
			.filter(c -> c.reachIns() > 0)
			.map(c -> Contribution.aggregate("ri|" + c.key(), c.reachIns(), c.reachInsWithin24h(),
					c.reachInsWithin24h(), 0))
			.toList();
		if (units.isEmpty()) {
			return none("within24h");
		}
		return figure("within24h",
				gate.evaluate(new DisclosureRequest(viewer, role, round, "peer.reachin.within-target",
						MeasureType.NUMERIC, POLICY, List.of(new CellRequest("reach-ins", null, 0, List.of(), units))))
					.get(0),
				true);
	}

	private Figure hours(PersonId viewer, Role role, String round, List<ReportCells.Cell> base) {
		List<Contribution> units = base.stream()
			.filter(c -> c.contactedReachIns() > 0)
			.map(c -> Contribution.aggregate("rc|" + c.key(), c.contactedReachIns(), c.hoursToContact(),
					c.hoursSquared(), 0))
			.toList();
		if (units.isEmpty()) {
			return none("hours");
		}
		return figure("hours",
				gate.evaluate(new DisclosureRequest(viewer, role, round, "peer.reachin.hours-to-contact",
						MeasureType.NUMERIC, POLICY, List.of(new CellRequest("contacted", null, 0, List.of(), units))))
					.get(0),
				true);
	}

	private static Figure none(String label) {
		return new Figure(label, false, 0, 0, "peer.report.noneYet", MIN_COUNT);
	}

	private static Figure zero(String label) {
		return new Figure(label, true, 0, 0, null, MIN_COUNT);
	}

	private static Figure figure(String label, CellResult result, boolean mean) {
		if (result instanceof Released r) {
			double value = mean && r.statistic() instanceof Statistic.NumericSummary s ? s.mean() : r.respondents();
			return new Figure(label, true, value, r.respondents(), null, MIN_COUNT);
		}
		Suppressed s = (Suppressed) result;
		String key = s.reason() == org.cpr.disclosure.SuppressionReason.TOO_FEW_RESPONSES ? "peer.report.fewer"
				: s.messageKey();
		return new Figure(label, false, 0, 0, key, s.threshold());
	}

}
