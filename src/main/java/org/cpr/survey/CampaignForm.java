package org.cpr.survey;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.cpr.identity.TraineeType;
import org.cpr.shared.Role;
import org.cpr.survey.PrivacyMode;
import org.springframework.format.annotation.DateTimeFormat;

/** The facilitator's campaign form; bound from the page, validated field by field. */
record CampaignForm(
		@NotBlank(message = "{survey.form.title.required}") @Size(max = 200,
				message = "{survey.form.tooLong}") String title,
		@Size(max = 2000, message = "{survey.form.tooLong}") String description,
		@NotBlank(message = "{survey.form.questionnaire.required}") String questionnaire,
		@NotNull(message = "{survey.form.mode.required}") PrivacyMode privacyMode,
		@NotNull(message = "{survey.form.number}") @Min(value = 5, message = "{survey.form.minRespondents}") @Max(
				value = 1000, message = "{survey.form.number}") Integer minRespondents,
		@NotNull(message = "{survey.form.number}") @Min(value = 10, message = "{survey.form.minComments}") @Max(
				value = 1000, message = "{survey.form.number}") Integer minComments,
		String hospital, List<UUID> units, List<TraineeType> traineeTypes, List<Role> roles,
		@NotNull(message = "{survey.form.schedule.required}") Schedule.Kind schedule,
		@NotNull(message = "{survey.form.date.required}") @DateTimeFormat(
				iso = DateTimeFormat.ISO.DATE) LocalDate opensOn,
		@NotNull(message = "{survey.form.number}") @Min(value = 1, message = "{survey.form.window}") @Max(value = 60,
				message = "{survey.form.window}") Integer windowDays,
		@Min(value = 1, message = "{survey.form.blockWeeks}") @Max(value = 26,
				message = "{survey.form.blockWeeks}") Integer blockWeeks,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endsOn) {

	CampaignForm {
		units = units == null ? List.of() : units;
		traineeTypes = traineeTypes == null ? List.of() : traineeTypes;
		roles = roles == null ? List.of() : roles;
	}

	static CampaignForm empty(LocalDate today) {
		return new CampaignForm("", "", "", PrivacyMode.ANONYMOUS, 5, 10, "", List.of(), List.of(), List.of(),
				Schedule.Kind.ONE_OFF, today, 14, 4, null);
	}

	Audience audience() {
		return new Audience(java.util.Set.copyOf(units), java.util.Set.copyOf(traineeTypes),
				java.util.Set.copyOf(roles));
	}

	Schedule toSchedule() {
		return new Schedule(schedule, opensOn, windowDays, schedule == Schedule.Kind.ROTATION ? blockWeeks : null,
				schedule == Schedule.Kind.ONE_OFF ? opensOn.plusDays(windowDays - 1L) : endsOn);
	}
}
