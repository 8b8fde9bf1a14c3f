package org.cpr.evaluation.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.cpr.cqi.CqiYearFigures;
import org.cpr.curriculum.WellBeingRequirement;
import org.cpr.directory.Confidentiality;
import org.cpr.directory.ServiceDirectory;
import org.cpr.directory.ServiceCategory;
import org.cpr.directory.ServiceEntry;
import org.cpr.disclosure.CellRequest;
import org.cpr.disclosure.Contribution;
import org.cpr.disclosure.DisclosureGate;
import org.cpr.disclosure.DisclosurePolicy;
import org.cpr.disclosure.DisclosureRequest;
import org.cpr.disclosure.MeasureType;
import org.cpr.evaluation.AcademicYear;
import org.cpr.evaluation.GatedCount;
import org.cpr.evaluation.InterventionType;
import org.cpr.evaluation.ProgramEvaluation;
import org.cpr.evaluation.ReachRow;
import org.cpr.evaluation.ReachTable;
import org.cpr.evaluation.Viewer;
import org.cpr.evaluation.WellBeingEvidence;
import org.cpr.evaluation.WellBeingEvidenceSource;
import org.cpr.evaluation.WellBeingPack;
import org.cpr.evaluation.WellBeingPack.Line;
import org.cpr.identity.IdentityManagement;
import org.cpr.identity.OrgUnitKind;
import org.cpr.identity.OrgUnitSummary;
import org.cpr.needs.NeedsYearFindings;
import org.cpr.shared.OrgUnitId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Assembles a program's VI.C evidence: sessions delivered and care slots from the modules
 * that declare them, reach of the program's people, speak-up and CQI counts, the needs
 * findings of the program and the confidential services in the directory. Counts pass the
 * gate (one round per program and year); reach figures arrive already gated.
 */
@Service
class WellBeingEvidenceService implements WellBeingEvidence {

	private static final Map<WellBeingRequirement, List<InterventionType>> REACH = Map.of(WellBeingRequirement.VI_C_1_D,
			List.of(InterventionType.MENTORING_GROUP, InterventionType.COURSE, InterventionType.RETREAT,
					InterventionType.PEER_SUPPORT),
			WellBeingRequirement.VI_C_1_E, List.of(InterventionType.CURRICULUM_SESSION),
			WellBeingRequirement.VI_C_1_E_3, List.of(InterventionType.SNAPSHOT, InterventionType.CHECK_IN),
			WellBeingRequirement.VI_C_1_E_4, List.of(InterventionType.CONSULTATION));

	/**
	 * Directory categories that are mental-health assessment, counselling or treatment.
	 */
	private static final Set<ServiceCategory> CARE = Set.of(ServiceCategory.CRISIS, ServiceCategory.COUNSELING,
			ServiceCategory.PSYCHIATRY, ServiceCategory.EAP, ServiceCategory.PHYSICIAN_HEALTH_PROGRAM);

	private final List<WellBeingEvidenceSource> sources;

	private final ProgramEvaluation evaluation;

	private final CqiYearFigures cqi;

	private final NeedsYearFindings needs;

	private final ServiceDirectory directory;

	private final IdentityManagement identity;

	private final DisclosureGate gate;

	WellBeingEvidenceService(List<WellBeingEvidenceSource> sources, ProgramEvaluation evaluation, CqiYearFigures cqi,
			NeedsYearFindings needs, ServiceDirectory directory, IdentityManagement identity, DisclosureGate gate) {
		this.sources = List.copyOf(sources);
		this.evaluation = evaluation;
		this.cqi = cqi;
		this.needs = needs;
		this.directory = directory;
		this.identity = identity;
		this.gate = gate;
	}

	@Override
	public List<OrgUnitSummary> programs(Viewer viewer) {
		Set<OrgUnitId> inScope = viewer.scope()
			.stream()
			.flatMap(u -> identity.subtree(u).stream())
			.collect(Collectors.toSet());
		return identity.orgUnitsOfKind(OrgUnitKind.PROGRAM)
			.stream()
			.filter(u -> inScope.contains(u.id()))
			.sorted(Comparator.comparing(OrgUnitSummary::name))
			.toList();
	}

	@Override
	@Transactional // not read-only: the gate records what it released
	public Optional<WellBeingPack> pack(AcademicYear year, UUID program, Viewer viewer) {
		Optional<OrgUnitSummary> unit = programs(viewer).stream()
			.filter(u -> u.id().value().equals(program))
			.findFirst();
		if (unit.isEmpty()) {
			return Optional.empty();
		}
		Map<WellBeingRequirement, List<Line>> lines = new EnumMap<>(WellBeingRequirement.class);
		for (WellBeingRequirement r : WellBeingRequirement.values()) {
			lines.put(r, new ArrayList<>());
		}
		counted(year, program, viewer, lines);
		reach(year, program, viewer, lines);
		statements(year, program, viewer, lines);
		List<WellBeingPack.Item> items = new ArrayList<>();
		lines.forEach((r, l) -> {
			if (l.isEmpty()) {
				l.add(new Line("evaluation.vic.none", List.of(), null));
			}
			items.add(new WellBeingPack.Item(r, List.copyOf(l)));
		});
		return Optional.of(new WellBeingPack(year, program, unit.get().name(), items));
	}

	/** The declared counts, speak-up and CQI counts, each a cell of one gate round. */
	private void counted(AcademicYear year, UUID program, Viewer viewer, Map<WellBeingRequirement, List<Line>> lines) {
		record Counted(WellBeingRequirement requirement, String key, long count) {
		}
		List<Counted> counts = new ArrayList<>();
		Map<String, Long> sums = new HashMap<>();
		for (WellBeingEvidenceSource s : sources) {
			for (WellBeingEvidenceSource.Evidence e : s.evidence(program, year.from(), year.toExclusive())) {
				sums.merge(e.requirement() + "|evaluation.vic.kind." + e.kind(), e.count(), Long::sum);
			}
		}
		sums.forEach((k, n) -> {
			String[] parts = k.split("\\|");
			counts.add(new Counted(WellBeingRequirement.valueOf(parts[0]), parts[1], n));
		});
		CqiYearFigures.SpeakUpReports speakUp = cqi.speakUpReports(year.from(), year.toExclusive());
		counts.add(new Counted(WellBeingRequirement.VI_C_1_C, "evaluation.vic.speakUp.MISTREATMENT",
				speakUp.mistreatment()));
		counts.add(new Counted(WellBeingRequirement.VI_C_1_C, "evaluation.vic.speakUp.SYSTEMIC", speakUp.systemic()));
		counts.sort(Comparator.comparing(Counted::requirement).thenComparing(Counted::key));
		List<CellRequest> cells = counts.stream()
			.filter(c -> c.count() > 0)
			.map(c -> new CellRequest(c.requirement() + "|" + c.key(), null, 0, List.of(),
					List.of(Contribution.aggregate(c.requirement() + ":" + c.key() + ":" + c.count(), c.count(), 0, 0,
							0))))
			.toList();
		Map<String, GatedCount> released = new HashMap<>();
		if (!cells.isEmpty()) {
			gate.evaluate(new DisclosureRequest(viewer.person(), viewer.role(),
					"evaluation:vic:" + year.startYear() + ":" + program, "vic.evidence", MeasureType.NUMERIC,
					DisclosurePolicy.defaults(), cells))
				.forEach(r -> released.put(r.cellKey(), GateCells.count(r)));
		}
		for (Counted c : counts) {
			GatedCount n = released.getOrDefault(c.requirement() + "|" + c.key(), GatedCount.released(0));
			lines.get(c.requirement()).add(new Line(c.key(), List.of(), n));
		}
	}

	/**
	 * The program's row of the reach table for the interventions that evidence an item.
	 */
	private void reach(AcademicYear year, UUID program, Viewer viewer, Map<WellBeingRequirement, List<Line>> lines) {
		ReachTable table = evaluation.reach(year, viewer);
		REACH.forEach((requirement, types) -> {
			for (InterventionType t : types) {
				Optional<ReachRow> row = table.rowsOf(t)
					.stream()
					.filter(r -> r.dimension() == ReachRow.Dimension.PROGRAM && r.group().equals(program.toString()))
					.findFirst();
				if (row.isEmpty()) {
					// Confidential services count contacts over everyone, never per
					// program.
					row = table.rowsOf(t).stream().filter(r -> r.dimension() == ReachRow.Dimension.ALL).findFirst();
				}
				row.ifPresent(r -> lines.get(requirement)
					.add(new Line(r.dimension() == ReachRow.Dimension.PROGRAM ? "evaluation.vic.reach.program"
							: "evaluation.vic.reach.all", List.of(t.messageKey()), r.participants())));
			}
		});
	}

	/**
	 * Statements without counts: needs findings, confidential services, what the platform
	 * does not hold.
	 */
	private void statements(AcademicYear year, UUID program, Viewer viewer,
			Map<WellBeingRequirement, List<Line>> lines) {
		for (NeedsYearFindings.Finding f : needs.heaviest(viewer.person(), viewer.role(),
				List.of(new OrgUnitId(program)), year.startYear(), 5)) {
			lines.get(WellBeingRequirement.VI_C_1_B)
				.add(new Line("evaluation.vic.needs",
						List.of(f.rotation(), f.domainKey(), Math.round(f.mean()), f.respondents()), null));
		}
		for (ServiceEntry s : directory.everything()) {
			if (!s.retired() && s.confidentiality() != Confidentiality.REPORTED && CARE.contains(s.category())) {
				lines.get(WellBeingRequirement.VI_C_1_E_4)
					.add(new Line(s.afterHours() ? "evaluation.vic.service.afterHours" : "evaluation.vic.service",
							List.of(s.name()), null));
			}
		}
		lines.get(WellBeingRequirement.VI_C_1_E_3).add(new Line("evaluation.vic.screening", List.of(), null));
		lines.get(WellBeingRequirement.VI_C_2).add(new Line("evaluation.vic.notHeld", List.of(), null));
	}

}
