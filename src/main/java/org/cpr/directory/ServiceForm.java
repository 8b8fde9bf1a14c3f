package org.cpr.directory;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.cpr.identity.TraineeType;
import org.cpr.shared.FormErrors;
import org.springframework.validation.Errors;

/** The administrator's form for one directory entry. */
record ServiceForm(
		@NotBlank(message = "{directory.form.required}") @Size(max = 200,
				message = "{directory.form.tooLong}") String name,
		@NotNull(message = "{directory.form.required}") ProviderKind providerKind,
		@NotBlank(message = "{directory.form.required}") @Size(max = 200,
				message = "{directory.form.tooLong}") String providerName,
		@NotNull(message = "{directory.form.required}") ServiceCategory category,
		@NotEmpty(message = "{directory.form.audiences}") Set<TraineeType> audiences,
		@NotNull(message = "{directory.form.required}") Confidentiality confidentiality, Set<ReportedTo> reportedTo,
		@Size(max = 1000, message = "{directory.form.tooLong}") String confidentialityNote,
		@NotNull(message = "{directory.form.required}") CostLevel cost,
		@Size(max = 300, message = "{directory.form.tooLong}") String costNote, Boolean afterHours,
		@Size(max = 300, message = "{directory.form.tooLong}") String hours,
		@NotEmpty(message = "{directory.form.access}") Set<AccessMode> accessModes, Boolean virtualOption,
		@Size(max = 300, message = "{directory.form.tooLong}") String location,
		@Size(max = 60, message = "{directory.form.tooLong}") String phone,
		@Email(message = "{directory.form.email}") @Size(max = 254, message = "{directory.form.tooLong}") String email,
		@Pattern(regexp = "^$|^https?://\\S+$", message = "{directory.form.url}") @Size(max = 500,
				message = "{directory.form.tooLong}") String url,
		@NotBlank(message = "{directory.form.required}") @Pattern(regexp = "^[a-z]{2,3}( *, *[a-z]{2,3})*$",
				message = "{directory.form.languages}") String languages,
		@NotBlank(message = "{directory.form.required}") @Size(max = 2000,
				message = "{directory.form.tooLong}") String description,
		@Size(max = 120, message = "{directory.form.tooLong}") String ownerUsername,
		Set<org.cpr.shared.Role> audienceRoles) {

	static ServiceForm empty() {
		return new ServiceForm("", null, "", null, EnumSet.noneOf(TraineeType.class), null,
				EnumSet.noneOf(ReportedTo.class), "", null, "", false, "", EnumSet.noneOf(AccessMode.class), false, "",
				"", "", "", "en", "", "", EnumSet.noneOf(org.cpr.shared.Role.class));
	}

	static ServiceForm of(ServiceEntry e, String ownerUsername) {
		return new ServiceForm(e.name(), e.providerKind(), e.providerName(), e.category(), e.audiences(),
				e.confidentiality(), e.reportedTo(), e.confidentialityNote(), e.cost(), e.costNote(), e.afterHours(),
				e.hours(), e.accessModes(), e.virtualOption(), e.location(), e.phone(), e.email(), e.url(),
				String.join(", ", e.languages()), e.description(), ownerUsername, e.audienceRoles());
	}

	void validate(Errors errors) {
		if (confidentiality == Confidentiality.REPORTED && (reportedTo == null || reportedTo.isEmpty())) {
			FormErrors.rejectValue(errors, "reportedTo", "directory.form.reportedTo");
		}
	}

	ServiceEntry entry(LocalDate reviewed) {
		Set<String> langs = new LinkedHashSet<>();
		for (String l : languages.split(",")) {
			langs.add(l.strip());
		}
		return new ServiceEntry(null, name.strip(), providerKind, providerName.strip(), category, audiences,
				confidentiality, reportedTo == null ? EnumSet.noneOf(ReportedTo.class) : reportedTo,
				blank(confidentialityNote), cost, blank(costNote), Boolean.TRUE.equals(afterHours), blank(hours),
				accessModes, Boolean.TRUE.equals(virtualOption), blank(location), blank(phone), blank(email),
				blank(url), langs, description.strip(), reviewed, false, null, audienceRoles);
	}

	private static String blank(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}
}
