package org.cpr.identity;

import java.util.UUID;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.cpr.identity.PeopleAdministration.PersonDetails;
import org.cpr.shared.Role;

final class AdminForms {

	private AdminForms() {
	}

	record PersonForm(
			@NotBlank(message = "{admin.username.required}") @Pattern(regexp = "^[A-Za-z0-9._-]{2,120}$",
					message = "{admin.username.format}") String username,
			@NotBlank(message = "{admin.email.required}") @Email(message = "{admin.email.format}") @Size(max = 254,
					message = "{admin.tooLong}") String email,
			@NotBlank(message = "{admin.displayName.required}") @Size(max = 200,
					message = "{admin.tooLong}") String displayName,
			@NotNull(message = "{admin.traineeType.required}") TraineeType traineeType,
			@Size(max = 16, message = "{admin.tooLong}") String trainingLevel, UUID programId, UUID departmentId,
			Boolean active) {

		static PersonForm empty() {
			return new PersonForm("", "", "", null, "", null, null, true);
		}

		static PersonForm of(PersonSummary p) {
			return new PersonForm(p.username(), p.email(), p.displayName(), p.traineeType(), p.trainingLevel(),
					p.program() == null ? null : p.program().value(),
					p.department() == null ? null : p.department().value(), p.active());
		}

		PersonDetails details() {
			return new PersonDetails(username, email, displayName, traineeType, trainingLevel, programId, departmentId,
					!Boolean.FALSE.equals(active));
		}
	}

	record GrantForm(@NotNull(message = "{admin.role.required}") Role role,
			@NotNull(message = "{admin.unit.required}") UUID unit) {
	}

	record UnitForm(
			@NotBlank(message = "{admin.code.required}") @Pattern(regexp = "^[A-Za-z0-9_-]{1,64}$",
					message = "{admin.code.format}") String code,
			@NotBlank(message = "{admin.name.required}") @Size(max = 200, message = "{admin.tooLong}") String name,
			@NotNull(message = "{admin.kind.required}") OrgUnitKind kind, UUID parent) {
		static UnitForm empty() {
			return new UnitForm("", "", null, null);
		}
	}

}
