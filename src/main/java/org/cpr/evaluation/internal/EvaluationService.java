package org.cpr.evaluation.internal;

import org.cpr.evaluation.AcademicYear;
import org.cpr.evaluation.ImpactTable;
import org.cpr.evaluation.ProgramEvaluation;
import org.cpr.evaluation.ReachTable;
import org.cpr.evaluation.Viewer;
import org.cpr.shared.AuditEntry;
import org.cpr.shared.AuditPort;
import org.springframework.stereotype.Service;

/**
 * {@link ProgramEvaluation}: every call is audited (aggregates only, but who looked at
 * which year is kept).
 */
@Service
class EvaluationService implements ProgramEvaluation {

	private final ReachCalculator reach;

	private final ImpactCalculator impact;

	private final AuditPort audit;

	EvaluationService(ReachCalculator reach, ImpactCalculator impact, AuditPort audit) {
		this.reach = reach;
		this.impact = impact;
		this.audit = audit;
	}

	@Override
	public ReachTable reach(AcademicYear year, Viewer viewer) {
		audit.record(AuditEntry.of(viewer.person(), "EVALUATION_REACH_VIEWED", "academic_year",
				String.valueOf(year.startYear()), "evaluation"));
		return reach.reach(year, viewer);
	}

	@Override
	public ImpactTable impact(AcademicYear year, Viewer viewer) {
		audit.record(AuditEntry.of(viewer.person(), "EVALUATION_IMPACT_VIEWED", "academic_year",
				String.valueOf(year.startYear()), "evaluation"));
		return impact.impact(year, viewer);
	}

}
