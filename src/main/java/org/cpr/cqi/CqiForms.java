package org.cpr.cqi;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The register's forms; each binds one POST and keeps what was typed when validation
 * fails.
 */
final class CqiForms {

	private CqiForms() {
	}

	record ItemForm(
			@NotBlank(message = "{cqi.title.required}") @Size(max = 200, message = "{cqi.tooLong}") String title,
			@NotBlank(message = "{cqi.problem.required}") @Size(max = 4000,
					message = "{cqi.tooLong}") String problemStatement,
			@NotNull(message = "{cqi.category.required}") CqiCategory category, java.util.UUID hospitalId,
			@Size(max = 120, message = "{cqi.tooLong}") String unitName,
			@Size(max = 120, message = "{cqi.tooLong}") String rotationName, LocalDate dueOn) {

		static ItemForm empty() {
			return new ItemForm("", "", null, null, "", "", null);
		}

		/**
		 * Prefilled from a report under review: its category only, nothing that points
		 * back to it.
		 */
		ItemForm withCategory(CqiCategory c) {
			return new ItemForm(title, problemStatement, c, hospitalId, unitName, rotationName, dueOn);
		}

		ItemForm withHospital(java.util.UUID hospital) {
			return new ItemForm(title, problemStatement, category, hospital, unitName, rotationName, dueOn);
		}

		static ItemForm of(ItemView v) {
			return new ItemForm(v.title(), v.problemStatement(), v.category(), v.hospitalId(), v.unitName(),
					v.rotationName(), v.dueOn());
		}

		ItemDraft draft() {
			return new ItemDraft(title, problemStatement, hospitalId, unitName, rotationName, category, null, dueOn);
		}
	}

	record SolutionForm(@NotBlank(message = "{cqi.solution.required}") @Size(max = 2000,
			message = "{cqi.tooLong}") String description) {
		static SolutionForm empty() {
			return new SolutionForm("");
		}
	}

	record PresentationForm(@NotNull(message = "{cqi.presentedOn.required}") LocalDate presentedOn,
			@NotNull(message = "{cqi.audience.required}") PresentationAudience audience,
			@Size(max = 200, message = "{cqi.tooLong}") String audienceNote,
			@NotNull(message = "{cqi.decision.required}") Decision decision,
			@Size(max = 2000, message = "{cqi.tooLong}") String decisionReason,
			@Size(max = 2000, message = "{cqi.tooLong}") String followUps) {

		static PresentationForm empty() {
			return new PresentationForm(null, null, "", null, "", "");
		}

		PresentationRecord record() {
			return new PresentationRecord(presentedOn, audience, audienceNote, decision, decisionReason, followUps);
		}
	}

	record MoveForm(@NotNull CqiStatus target, @Size(max = 2000, message = "{cqi.tooLong}") String reason) {
	}

	record PublishForm(
			@NotBlank(message = "{cqi.youSaid.required}") @Size(max = 1000, message = "{cqi.tooLong}") String youSaid,
			@Size(max = 2000, message = "{cqi.tooLong}") String weDid) {
		static PublishForm of(ItemView v) {
			return new PublishForm(v.youSaid() == null ? "" : v.youSaid(), v.weDid() == null ? "" : v.weDid());
		}
	}

}
