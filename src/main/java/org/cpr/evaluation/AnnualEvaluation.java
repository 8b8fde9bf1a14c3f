package org.cpr.evaluation;

import java.time.LocalDate;
import java.util.UUID;

import org.cpr.shared.PersonId;

/**
 * The annual evaluation report and the plan made from it. Bad input throws
 * {@link PlanRefused}; nothing is stored then.
 */
public interface AnnualEvaluation {

	AnnualReport report(AcademicYear year, Viewer viewer);

	void saveCommentary(AcademicYear year, String body, PersonId by);

	UUID addGoal(AcademicYear planYear, String statement, String finding, PersonId by);

	UUID addAction(UUID goal, String description, String owner, LocalDate dueOn, PersonId by);

	/** The mid-year (or any) review of an action: its status and a note. */
	void reviewAction(UUID action, AnnualReport.ActionStatus status, String note, PersonId by);

	/** Why a plan change was refused: a message key of the evaluation bundle. */
	class PlanRefused extends RuntimeException {

		private final String messageKey;

		public PlanRefused(String messageKey) {
			super(messageKey);
			this.messageKey = messageKey;
		}

		public String messageKey() {
			return messageKey;
		}

	}

}
