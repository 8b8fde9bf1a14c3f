package org.cpr.identity.web;

import java.util.UUID;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.cpr.identity.OrgUnitKind;
import org.cpr.identity.TraineeType;
import org.cpr.identity.internal.PeopleAdministration.PersonDetails;
import org.cpr.identity.internal.Person;
import org.cpr.shared.Role;

final class AdminForms {

    private AdminForms() {
    }

    record PersonForm(@NotBlank(message = "{admin.username.required}") @Pattern(regexp = "^[A-Za-z0-9._-]{2,120}$",
                              message = "{admin.username.format}") String username,
                      @NotBlank(message = "{admin.email.required}") @Email(message = "{admin.email.format}")
                      @Size(max = 254, message = "{admin.tooLong}") String email,
                      @NotBlank(message = "{admin.displayName.required}") @Size(max = 200, message = "{admin.tooLong}") String displayName,
                      @NotNull(message = "{admin.traineeType.required}") TraineeType traineeType,
                      @Size(max = 16, message = "{admin.tooLong}") String trainingLevel,
                      UUID programId, UUID departmentId, Boolean active) {

        static PersonForm empty() {
            return new PersonForm("", "", "", null, "", null, null, true);
        }

        static PersonForm of(Person p) {
            return new PersonForm(p.getUsername(), p.getEmail(), p.getDisplayName(), p.getTraineeType(), p.getTrainingLevel(),
                    p.getProgramId(), p.getDepartmentId(), p.isActive());
        }

        PersonDetails details() {
            return new PersonDetails(username, email, displayName, traineeType, trainingLevel, programId, departmentId,
                    !Boolean.FALSE.equals(active));
        }
    }

    record GrantForm(@NotNull(message = "{admin.role.required}") Role role, @NotNull(message = "{admin.unit.required}") UUID unit) {
    }

    record UnitForm(@NotBlank(message = "{admin.code.required}") @Pattern(regexp = "^[A-Za-z0-9_-]{1,64}$", message = "{admin.code.format}") String code,
                    @NotBlank(message = "{admin.name.required}") @Size(max = 200, message = "{admin.tooLong}") String name,
                    @NotNull(message = "{admin.kind.required}") OrgUnitKind kind,
                    UUID parent) {
        static UnitForm empty() {
            return new UnitForm("", "", null, null);
        }
    }
}
