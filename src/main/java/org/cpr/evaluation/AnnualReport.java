package org.cpr.evaluation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.cpr.cqi.CqiYearFigures;
import org.cpr.directory.ServiceCategory;
import org.cpr.needs.NeedsYearFindings;

/**
 * An academic year's evaluation as the program committee reviews it: reach, relative
 * impact, safety-process figures (gated counts), the committee's commentary, the plan
 * that was made for this year (with what was achieved) and the plan for the next one, the
 * CQI register's year, the heaviest needs-analysis findings and directory use.
 */
public record AnnualReport(AcademicYear year, ReachTable reach, ImpactTable impact, List<SafetyRow> safety,
		Commentary commentary, Plan plan, Plan nextPlan, CqiSummary cqi, List<NeedsYearFindings.Finding> needs,
		DirectorySummary directory) {

	/**
	 * The CQI register's year: items opened and resolved (gated counts), the items opened
	 * (register titles, never reporters) and the published "you said, we did" entries.
	 */
	public record CqiSummary(GatedCount opened, GatedCount resolved, List<CqiYearFigures.Item> items,
			List<CqiYearFigures.YouSaidWeDid> youSaidWeDid) {
	}

	/** Directory searches and service-page views per category, each a gated count. */
	public record DirectorySummary(GatedCount searches, List<DirectoryRow> views) {
	}

	public record DirectoryRow(ServiceCategory category, GatedCount views) {
	}

	/**
	 * Alerts of one tier: the count through the gate; rates and times only when the count
	 * was released.
	 */
	public record SafetyRow(String tier, GatedCount alerts, Double percentAcknowledgedInTime,
			Double medianMinutesToAcknowledge) {
	}

	/** The committee's commentary, or an empty body when none was written yet. */
	public record Commentary(String body, Instant updatedAt) {
	}

	/** The plan for one academic year. */
	public record Plan(AcademicYear year, List<Goal> goals) {

		public long actions() {
			return goals.stream().mapToLong(g -> g.actions().size()).sum();
		}

		public long achieved() {
			return goals.stream()
				.flatMap(g -> g.actions().stream())
				.filter(a -> a.status() == ActionStatus.DONE)
				.count();
		}
	}

	/**
	 * A goal, linked to the finding it answers (free text such as "Retreats: no change in
	 * WHO-5").
	 */
	public record Goal(UUID id, String statement, String finding, List<Action> actions) {
	}

	public record Action(UUID id, String description, String owner, LocalDate dueOn, ActionStatus status,
			String reviewNote, Instant reviewedAt) {
	}

	public enum ActionStatus {

		PLANNED, IN_PROGRESS, DONE, DROPPED

	}
}
