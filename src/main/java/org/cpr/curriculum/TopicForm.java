package org.cpr.curriculum;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.cpr.shared.FormErrors;
import org.springframework.validation.Errors;

/**
 * The editor's form for one topic. Objectives and resources are one per line ("label |
 * https://…").
 */
record TopicForm(
		@NotBlank(message = "{curriculum.form.required}") @Pattern(regexp = "^$|^[a-z0-9][a-z0-9-]{1,59}$",
				message = "{curriculum.form.code}") String code,
		@NotBlank(message = "{curriculum.form.required}") @Size(max = 200,
				message = "{curriculum.form.tooLong}") String title,
		@NotBlank(message = "{curriculum.form.required}") @Size(max = 1000,
				message = "{curriculum.form.tooLong}") String summary,
		@NotBlank(message = "{curriculum.form.objectives}") @Size(max = 4000,
				message = "{curriculum.form.tooLong}") String objectives,
		@NotNull(message = "{curriculum.form.required}") TopicFormat format,
		@NotNull(message = "{curriculum.form.required}") @Min(value = 5, message = "{curriculum.form.minutes}") @Max(
				value = 4320, message = "{curriculum.form.minutes}") Integer minutes,
		@Size(max = 4000, message = "{curriculum.form.tooLong}") String facilitatorNotes,
		@Size(max = 4000, message = "{curriculum.form.tooLong}") String resources,
		@NotEmpty(message = "{curriculum.form.competencies}") Set<Competency> competencies,
		Set<WellBeingRequirement> requirements) {

	static TopicForm empty() {
		return new TopicForm("", "", "", "", null, 60, "", "", EnumSet.noneOf(Competency.class),
				EnumSet.noneOf(WellBeingRequirement.class));
	}

	static TopicForm of(Topic t) {
		return new TopicForm(t.code(), t.title(), t.summary(), String.join("\n", t.objectives()), t.format(),
				t.minutes(), t.facilitatorNotes(),
				t.resources().stream().map(r -> r.label() + " | " + r.url()).collect(Collectors.joining("\n")),
				t.competencies(), t.requirements());
	}

	/** Checks what annotations cannot: every resource line ends in a web address. */
	void validate(Errors errors) {
		if (resources != null
				&& TopicContent.resources(resources).stream().anyMatch(r -> !r.url().matches("^https?://\\S+$"))) {
			FormErrors.rejectValue(errors, "resources", "curriculum.form.resources");
		}
	}

	TopicContent content() {
		return new TopicContent(code.strip(), title.strip(), summary.strip(), TopicContent.lines(objectives), format,
				minutes, facilitatorNotes == null ? "" : facilitatorNotes.strip(), TopicContent.resources(resources),
				competencies, requirements == null ? EnumSet.noneOf(WellBeingRequirement.class) : requirements);
	}
}
