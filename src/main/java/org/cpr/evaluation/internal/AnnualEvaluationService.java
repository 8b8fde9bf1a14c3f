package org.cpr.evaluation.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.cpr.disclosure.CellRequest;
import org.cpr.disclosure.Contribution;
import org.cpr.disclosure.DisclosureGate;
import org.cpr.disclosure.DisclosurePolicy;
import org.cpr.disclosure.DisclosureRequest;
import org.cpr.disclosure.MeasureType;
import org.cpr.evaluation.AcademicYear;
import org.cpr.evaluation.AnnualEvaluation;
import org.cpr.evaluation.AnnualReport;
import org.cpr.evaluation.GatedCount;
import org.cpr.evaluation.ProgramEvaluation;
import org.cpr.evaluation.SafetyProcessFigures;
import org.cpr.evaluation.Viewer;
import org.cpr.shared.AuditEntry;
import org.cpr.shared.AuditPort;
import org.cpr.shared.PersonId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Assembles the annual report from the module's own figures and the safety module's
 * counts; keeps the plan.
 */
@Service
class AnnualEvaluationService implements AnnualEvaluation {

	static final int MAX_COMMENTARY = 8000;

	private final ProgramEvaluation evaluation;

	private final List<SafetyProcessFigures> safety;

	private final EvaluationPlanStore store;

	private final DisclosureGate gate;

	private final AuditPort audit;

	private final Clock clock;

	private final AnnualSections sections;

	AnnualEvaluationService(ProgramEvaluation evaluation, List<SafetyProcessFigures> safety, EvaluationPlanStore store,
			DisclosureGate gate, AuditPort audit, Clock clock, AnnualSections sections) {
		this.sections = sections;
		this.evaluation = evaluation;
		this.safety = List.copyOf(safety);
		this.store = store;
		this.gate = gate;
		this.audit = audit;
		this.clock = clock;
	}

	@Override
	@Transactional
	public AnnualReport report(AcademicYear year, Viewer viewer) {
		return new AnnualReport(year, evaluation.reach(year, viewer), evaluation.impact(year, viewer),
				safety(year, viewer), store.commentary(year), store.plan(year),
				store.plan(new AcademicYear(year.startYear() + 1)), sections.cqi(year, viewer),
				sections.needs(year, viewer), sections.directory(year, viewer));
	}

	/**
	 * Alerts per tier through the gate (a unit is named by its count, which may not
	 * change within a round).
	 */
	private List<AnnualReport.SafetyRow> safety(AcademicYear year, Viewer viewer) {
		List<SafetyProcessFigures.TierFigure> figures = new ArrayList<>();
		safety.forEach(s -> figures.addAll(s.figures(year.from(), year.toExclusive())));
		List<CellRequest> cells = figures.stream()
			.filter(f -> f.alerts() > 0)
			.map(f -> new CellRequest(f.tier(), null, 0, List.of(),
					List.of(Contribution.aggregate("alerts:" + f.tier() + ":" + f.alerts(), f.alerts(), 0, 0, 0))))
			.toList();
		Map<String, GatedCount> released = new HashMap<>();
		if (!cells.isEmpty()) {
			gate.evaluate(new DisclosureRequest(viewer.person(), viewer.role(), "evaluation:safety:" + year.startYear(),
					"alerts", MeasureType.NUMERIC, DisclosurePolicy.defaults(), cells))
				.forEach(r -> released.put(r.cellKey(), GateCells.count(r)));
		}
		return figures.stream().map(f -> {
			GatedCount count = released.getOrDefault(f.tier(), GatedCount.released(0));
			boolean shown = count.shown() && f.alerts() > 0;
			return new AnnualReport.SafetyRow(f.tier(), count,
					shown ? 100.0 * f.acknowledgedInTime() / f.alerts() : null,
					shown ? f.medianMinutesToAcknowledge() : null);
		}).toList();
	}

	@Override
	@Transactional
	public void saveCommentary(AcademicYear year, String body, PersonId by) {
		String text = body == null ? "" : body.strip();
		if (text.length() > MAX_COMMENTARY) {
			throw new PlanRefused("evaluation.plan.error.tooLong");
		}
		store.saveCommentary(year, text, by, clock.instant());
		audit.record(AuditEntry.administration(by, "EVALUATION_COMMENTARY_SAVED", "academic_year",
				String.valueOf(year.startYear())));
	}

	@Override
	@Transactional
	public UUID addGoal(AcademicYear planYear, String statement, String finding, PersonId by) {
		String text = required(statement, 1000);
		String linked = finding == null || finding.isBlank() ? null : finding.strip();
		if (linked != null && linked.length() > 300) {
			throw new PlanRefused("evaluation.plan.error.tooLong");
		}
		UUID id = store.addGoal(planYear, text, linked, clock.instant());
		audit.record(AuditEntry.administration(by, "EVALUATION_GOAL_ADDED", "evaluation_goal", id.toString()));
		return id;
	}

	@Override
	@Transactional
	public UUID addAction(UUID goal, String description, String owner, LocalDate dueOn, PersonId by) {
		if (goal == null || !store.goalExists(goal)) {
			throw new PlanRefused("evaluation.plan.error.goal");
		}
		String text = required(description, 1000);
		String who = required(owner, 200);
		if (dueOn == null) {
			throw new PlanRefused("evaluation.plan.error.due");
		}
		UUID id = store.addAction(goal, text, who, dueOn, clock.instant());
		audit.record(AuditEntry.administration(by, "EVALUATION_ACTION_ADDED", "evaluation_action", id.toString()));
		return id;
	}

	@Override
	@Transactional
	public void reviewAction(UUID action, AnnualReport.ActionStatus status, String note, PersonId by) {
		if (status == null) {
			throw new PlanRefused("evaluation.plan.error.status");
		}
		String text = note == null || note.isBlank() ? null : note.strip();
		if (text != null && text.length() > 1000) {
			throw new PlanRefused("evaluation.plan.error.tooLong");
		}
		if (action == null || !store.review(action, status, text, clock.instant())) {
			throw new PlanRefused("evaluation.plan.error.action");
		}
		audit.record(AuditEntry.administration(by, "EVALUATION_ACTION_REVIEWED", "evaluation_action", action.toString())
			.detail("status=" + status));
	}

	private static String required(String value, int max) {
		if (value == null || value.isBlank()) {
			throw new PlanRefused("evaluation.plan.error.required");
		}
		if (value.strip().length() > max) {
			throw new PlanRefused("evaluation.plan.error.tooLong");
		}
		return value.strip();
	}

}
