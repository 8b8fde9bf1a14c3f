package org.cpr.needs.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.cpr.cqi.CqiCategory;
import org.cpr.cqi.CqiIntake;
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
import org.cpr.identity.CprUser;
import org.cpr.identity.IdentityManagement;
import org.cpr.needs.AcademicYear;
import org.cpr.needs.Dimension;
import org.cpr.needs.HeatMap;
import org.cpr.needs.NeedsInputException;
import org.cpr.needs.NeedsResults;
import org.cpr.needs.NeedsScope;
import org.cpr.needs.NeedsYearFindings;
import org.cpr.needs.Rotation;
import org.cpr.needs.RotationCatalogue;
import org.cpr.needs.StressorDomain;
import org.cpr.shared.PersonId;
import org.cpr.shared.Role;
import org.springframework.stereotype.Service;

/**
 * Needs results from the base cells ({@link HeatMapQuery}), every figure through the
 * disclosure gate.
 */
@Service("needsResults")
class NeedsResultsService implements NeedsResults {

	static final String ALL = "all";

	private final HeatMapQuery query;

	private final DisclosureGate gate;

	private final RotationCatalogue catalogue;

	private final CqiIntake cqi;

	private final Clock clock;

	private final IdentityManagement identity;

	NeedsResultsService(HeatMapQuery query, DisclosureGate gate, RotationCatalogue catalogue, CqiIntake cqi,
			Clock clock, IdentityManagement identity) {
		this.identity = identity;
		this.query = query;
		this.gate = gate;
		this.catalogue = catalogue;
		this.cqi = cqi;
		this.clock = clock;
	}

	/**
	 * The viewer a signed-in person is: their gate role and the units under their grants.
	 */
	public Viewer viewer(CprUser me) {
		return new Viewer(me.personId(), gateRole(me.roles()), NeedsScope.of(me, identity));
	}

	@Override
	public List<NeedsYearFindings.Finding> heaviest(PersonId person, Role role,
			java.util.Collection<org.cpr.shared.OrgUnitId> grants, int academicYear, int limit) {
		Viewer viewer = new Viewer(person, role, NeedsScope.ofGrants(grants, identity));
		List<NeedsYearFindings.Finding> out = new ArrayList<>();
		for (HeatMap.Row row : heatMap(viewer, Dimension.ROTATION, academicYear).rows()) {
			if (row.overall()) {
				continue;
			}
			for (HeatMap.Cell c : row.cells()) {
				if (c.released() && c.domain().stressor()) {
					out.add(new NeedsYearFindings.Finding(row.label(), "needs.domain." + c.domain().name(), c.mean(),
							c.respondents(), c.domain().severity(c.mean())));
				}
			}
		}
		out.sort(Comparator.comparingDouble(NeedsYearFindings.Finding::severity).reversed());
		return List.copyOf(out.subList(0, Math.min(limit, out.size())));
	}

	@Override
	public int currentYear() {
		return AcademicYear.of(LocalDate.now(clock));
	}

	@Override
	public List<Integer> years() {
		List<Integer> years = new ArrayList<>(query.years());
		if (!years.contains(currentYear())) {
			years.add(0, currentYear());
		}
		years.sort(Comparator.reverseOrder());
		return years;
	}

	@Override
	public HeatMap heatMap(Viewer viewer, Dimension by, int year) {
		List<HeatMapQuery.Unit> units = query.units(year, LocalDate.now(clock), viewer.scope());
		Map<String, String> labels = labels(by, units);
		Map<String, List<HeatMapQuery.Unit>> groups = new LinkedHashMap<>();
		labels.keySet().forEach(k -> groups.put(k, new ArrayList<>()));
		for (HeatMapQuery.Unit u : units) {
			String k = keyOf(by, u);
			if (k != null && groups.containsKey(k)) {
				groups.get(k).add(u);
			}
		}
		groups.values().removeIf(List::isEmpty);
		List<StressorDomain> domains = List.of(StressorDomain.values());
		Map<String, List<HeatMap.Cell>> cells = new LinkedHashMap<>();
		cells.put(ALL, new ArrayList<>());
		groups.keySet().forEach(k -> cells.put(k, new ArrayList<>()));
		if (!units.isEmpty()) {
			Map<String, CellResult> results = decide(viewer, year, by, units, groups);
			for (StressorDomain d : domains) {
				cells.forEach((k, list) -> list.add(cell(d, results.get(d.column() + "|" + k))));
			}
		}
		List<HeatMap.Row> rows = new ArrayList<>();
		if (!units.isEmpty()) {
			rows.add(new HeatMap.Row(ALL, null, true, cells.get(ALL)));
			groups.keySet()
				.stream()
				.sorted(Comparator.comparing(labels::get))
				.forEach(k -> rows.add(new HeatMap.Row(k, labels.get(k), false, cells.get(k))));
		}
		return new HeatMap(year, by, years(), domains, rows);
	}

	/**
	 * The rotation's row of the heat map, stressors sorted by released severity (hidden
	 * ones last).
	 */
	public Optional<TopStressors> topStressors(Viewer viewer, UUID rotationId, int year) {
		Optional<Rotation> rotation = catalogue.find(rotationId);
		if (rotation.isEmpty()) {
			return Optional.empty();
		}
		HeatMap map = heatMap(viewer, Dimension.ROTATION, year);
		List<Finding> findings = new ArrayList<>();
		HeatMap.Row overall = map.rows().stream().filter(HeatMap.Row::overall).findFirst().orElse(null);
		HeatMap.Row row = map.rows()
			.stream()
			.filter(r -> r.key().equals(rotationId.toString()))
			.findFirst()
			.orElse(null);
		for (int i = 0; i < StressorDomain.values().length; i++) {
			StressorDomain d = StressorDomain.values()[i];
			HeatMap.Cell mine = row == null ? null : row.cells().get(i);
			findings.add(new Finding(d, mine, overall == null ? null : overall.cells().get(i)));
		}
		findings.sort(Comparator.comparing((Finding f) -> f.cell() == null || !f.cell().released())
			.thenComparing(f -> f.cell() == null || !f.cell().released() ? 0 : -f.domain().severity(f.cell().mean())));
		return Optional.of(new TopStressors(rotation.get(), year, findings));
	}

	/**
	 * The rotation's measures over the last five academic years with answers, oldest
	 * first.
	 */
	public List<YearColumn> trend(Viewer viewer, UUID rotationId) {
		List<YearColumn> out = new ArrayList<>();
		for (int y : years().stream().limit(5).sorted().toList()) {
			HeatMap map = heatMap(viewer, Dimension.ROTATION, y);
			map.rows()
				.stream()
				.filter(r -> r.key().equals(rotationId.toString()))
				.findFirst()
				.ifPresent(r -> out.add(new YearColumn(y, r.cells())));
		}
		return out;
	}

	@Override
	public UUID sendToCqi(Viewer viewer, UUID rotationId, int year, StressorDomain domain) {
		TopStressors top = topStressors(viewer, rotationId, year)
			.orElseThrow(() -> new NeedsInputException("rotation", "needs.rotation.notFound"));
		Finding f = top.findings().stream().filter(x -> x.domain() == domain).findFirst().orElseThrow();
		if (f.cell() == null || !f.cell().released()) {
			throw new NeedsInputException("domain", "needs.cqi.notReleased");
		}
		Rotation r = top.rotation();
		String overall = f.overall() != null && f.overall().released()
				? String.format(java.util.Locale.ROOT, "%.0f", f.overall().mean()) : "—";
		String title = truncate(
				"Needs analysis: " + domain.column() + " on " + r.name() + " (" + r.hospitalName() + ")", 160);
		String statement = String.format(java.util.Locale.ROOT,
				"End-of-rotation needs analysis %s: people who finished %s at %s rated %s at %.0f (scale %s, n = %d; program-wide %s).",
				AcademicYear.label(year), r.name(), r.hospitalName(), domain.column(), f.cell().mean(),
				domain == StressorDomain.BURNOUT ? "1–5" : "0–100", f.cell().respondents(), overall);
		UUID hospital = catalogue.hospitals()
			.stream()
			.filter(h -> h.code().equals(r.hospitalCode()))
			.map(h -> h.id().value())
			.findFirst()
			.orElse(null);
		return cqi.raise(title, statement, hospital, r.name(), category(domain), viewer.person());
	}

	/**
	 * One gate decision for the whole map: a cell per domain × row. Every domain's cells
	 * have the same units with the same counts (all items are required), so the gate sees
	 * one partition and the domains cannot be played against one another; each statistic
	 * is still computed by the gate.
	 */
	private Map<String, CellResult> decide(Viewer viewer, int year, Dimension by, List<HeatMapQuery.Unit> all,
			Map<String, List<HeatMapQuery.Unit>> groups) {
		List<CellRequest> requests = new ArrayList<>();
		String attribute = by.name().toLowerCase(java.util.Locale.ROOT);
		for (StressorDomain d : StressorDomain.values()) {
			String top = d.column() + "|" + ALL;
			requests.add(new CellRequest(top, null, 0, List.of(), contributions(d, all)));
			groups.forEach((k, units) -> requests
				.add(new CellRequest(d.column() + "|" + k, top, 1, List.of(attribute), contributions(d, units))));
		}
		List<CellResult> results = gate.evaluate(new DisclosureRequest(viewer.person(), viewer.role(), "needs:" + year,
				"needs.stressors", MeasureType.NUMERIC, DisclosurePolicy.defaults(), requests));
		Map<String, CellResult> out = new LinkedHashMap<>();
		results.forEach(r -> out.put(r.cellKey(), r));
		return out;
	}

	private static List<Contribution> contributions(StressorDomain d, List<HeatMapQuery.Unit> units) {
		return units.stream()
			.map(u -> Contribution.aggregate(u.key(), u.count(), u.sums().get(d)[0], u.sums().get(d)[1], 0))
			.toList();
	}

	private static HeatMap.Cell cell(StressorDomain d, CellResult result) {
		if (result instanceof Released r && r.statistic() instanceof Statistic.NumericSummary s) {
			double severity = d.severity(s.mean());
			String band = severity < 25 ? "heat-1" : severity < 50 ? "heat-2" : severity < 75 ? "heat-3" : "heat-4";
			return new HeatMap.Cell(d, true, s.mean(), r.respondents(), band, null, null);
		}
		Suppressed s = (Suppressed) result;
		return new HeatMap.Cell(d, false, null, null, "heat-suppressed", s.messageKey(), s.messageArguments());
	}

	private static String keyOf(Dimension by, HeatMapQuery.Unit u) {
		return switch (by) {
			case ROTATION -> u.rotationId() == null ? null : u.rotationId().toString();
			case HOSPITAL -> u.hospital();
			case SPECIALTY -> u.specialty();
		};
	}

	private Map<String, String> labels(Dimension by, List<HeatMapQuery.Unit> units) {
		Map<String, String> labels = new LinkedHashMap<>();
		switch (by) {
			case ROTATION -> catalogue.all().forEach(r -> labels.put(r.id().toString(), r.label()));
			case HOSPITAL -> catalogue.hospitals().forEach(h -> labels.put(h.code(), h.name()));
			case SPECIALTY -> units.stream()
				.map(HeatMapQuery.Unit::specialty)
				.filter(java.util.Objects::nonNull)
				.distinct()
				.forEach(s -> labels.put(s, s));
		}
		return labels;
	}

	private static CqiCategory category(StressorDomain d) {
		return switch (d) {
			case WORKLOAD -> CqiCategory.STAFFING;
			case SLEEP, AUTONOMY -> CqiCategory.SCHEDULING;
			case TEAM -> CqiCategory.SUPERVISION;
			case MISTREATMENT -> CqiCategory.MISTREATMENT;
			case ADVERSE -> CqiCategory.PATIENT_SAFETY;
			case EHR -> CqiCategory.EHR;
			default -> CqiCategory.OTHER;
		};
	}

	private static String truncate(String s, int max) {
		return s.length() <= max ? s : s.substring(0, max - 1) + "…";
	}

	@Override
	public void rebuild(int year) {
		query.rebuild(year);
	}

	/**
	 * The gate role of a signed-in person: the first of facilitator, program director,
	 * administrator they hold.
	 */
	private static Role gateRole(java.util.Set<Role> held) {
		for (Role r : List.of(Role.FACILITATOR, Role.PROGRAM_DIRECTOR, Role.ADMINISTRATOR)) {
			if (held.contains(r)) {
				return r;
			}
		}
		return Role.PARTICIPANT;
	}

}
