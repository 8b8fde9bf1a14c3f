package org.cpr.evaluation.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.cpr.cqi.CqiYearFigures;
import org.cpr.directory.DirectoryUse;
import org.cpr.disclosure.CellRequest;
import org.cpr.disclosure.CellResult;
import org.cpr.disclosure.Contribution;
import org.cpr.disclosure.DisclosureGate;
import org.cpr.disclosure.DisclosurePolicy;
import org.cpr.disclosure.DisclosureRequest;
import org.cpr.disclosure.MeasureType;
import org.cpr.evaluation.AcademicYear;
import org.cpr.evaluation.AnnualReport;
import org.cpr.evaluation.GatedCount;
import org.cpr.evaluation.Viewer;
import org.cpr.needs.NeedsYearFindings;
import org.springframework.stereotype.Component;

/**
 * The annual report's sections from other modules' read interfaces: the CQI register's
 * year, the heaviest needs findings and directory use. Every count passes the gate.
 */
@Component
class AnnualSections {

	static final int NEEDS_FINDINGS = 8;

	private final CqiYearFigures cqi;

	private final NeedsYearFindings needs;

	private final DirectoryUse directory;

	private final DisclosureGate gate;

	AnnualSections(CqiYearFigures cqi, NeedsYearFindings needs, DirectoryUse directory, DisclosureGate gate) {
		this.cqi = cqi;
		this.needs = needs;
		this.directory = directory;
		this.gate = gate;
	}

	AnnualReport.CqiSummary cqi(AcademicYear year, Viewer viewer) {
		CqiYearFigures.Figures f = cqi.figures(year.from(), year.toExclusive());
		// Each register item is one unit: the gate sees the same items across views.
		List<CellRequest> cells = List.of(
				new CellRequest("opened", null, 0, List.of(),
						f.opened().stream().map(i -> Contribution.value("cqi:" + i.id(), 1)).toList()),
				new CellRequest("resolved", null, 0, List.of(),
						f.resolved().stream().map(id -> Contribution.value("cqi:" + id, 1)).toList()));
		Map<String, GatedCount> counts = decide(viewer, "evaluation:cqi:" + year.startYear(), "cqi.items", cells);
		GatedCount opened = counts.get("opened");
		GatedCount resolved = counts.get("resolved");
		// The list of items would show both counts (its length, its statuses): it is
		// shown
		// only when both counts were released, like every other label of a gated figure.
		boolean released = opened.value() != null && resolved.value() != null;
		return new AnnualReport.CqiSummary(opened, resolved, released ? f.opened() : List.of(), f.youSaidWeDid());
	}

	List<NeedsYearFindings.Finding> needs(AcademicYear year, Viewer viewer) {
		return needs.heaviest(viewer.person(), viewer.role(), viewer.scope(), year.startYear(), NEEDS_FINDINGS);
	}

	AnnualReport.DirectorySummary directory(AcademicYear year, Viewer viewer) {
		DirectoryUse.Figures f = directory.figures(year.from(), year.toExclusive());
		// A day counter has no person behind it; a unit is named by its count, which does
		// not change once the year is over (as the safety figures do).
		List<CellRequest> cells = new ArrayList<>();
		cells.add(new CellRequest("searches", null, 0, List.of(), f.searches() == 0 ? List.of()
				: List.of(Contribution.aggregate("directory:searches:" + f.searches(), f.searches(), 0, 0, 0))));
		for (DirectoryUse.CategoryViews v : f.views()) {
			cells.add(new CellRequest(v.category().name(), null, 0, List.of("category"), List
				.of(Contribution.aggregate("directory:" + v.category() + ":" + v.views(), v.views(), 0, 0, 0))));
		}
		Map<String, GatedCount> counts = decide(viewer, "evaluation:directory:" + year.startYear(), "directory.use",
				cells);
		return new AnnualReport.DirectorySummary(counts.get("searches"),
				f.views()
					.stream()
					.map(v -> new AnnualReport.DirectoryRow(v.category(), counts.get(v.category().name())))
					.toList());
	}

	private Map<String, GatedCount> decide(Viewer viewer, String round, String measure, List<CellRequest> cells) {
		Map<String, GatedCount> out = new HashMap<>();
		List<CellRequest> asked = cells.stream().filter(c -> !c.contributions().isEmpty()).toList();
		cells.stream()
			.filter(c -> c.contributions().isEmpty())
			.forEach(c -> out.put(c.cellKey(), GatedCount.released(0)));
		if (!asked.isEmpty()) {
			List<CellResult> results = gate.evaluate(new DisclosureRequest(viewer.person(), viewer.role(), round,
					measure, MeasureType.NUMERIC, DisclosurePolicy.defaults(), asked));
			results.forEach(r -> out.put(r.cellKey(), GateCells.count(r)));
		}
		return out;
	}

}
