package org.cpr.identity.internal;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.cpr.identity.OrgUnitKind;
import org.cpr.identity.PasswordPolicy;
import org.cpr.identity.TraineeType;
import org.cpr.shared.AuditEntry;
import org.cpr.shared.AuditPort;
import org.cpr.shared.PersonId;
import org.cpr.shared.Role;
import org.springframework.data.domain.Sort;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The system administrator's changes to people, org units and role grants; every change is audited. */
@Service
public class PeopleAdministration {

    /** The editable fields of a person. */
    public record PersonDetails(String username, String email, String displayName, TraineeType traineeType,
                                String trainingLevel, UUID programId, UUID departmentId, boolean active) {
    }

    private final PersonRepository people;
    private final OrgUnitRepository units;
    private final RoleGrantRepository grants;
    private final PasswordEncoder encoder;
    private final PasswordPolicy policy;
    private final AuditPort audit;
    private final Clock clock;

    PeopleAdministration(PersonRepository people, OrgUnitRepository units, RoleGrantRepository grants,
                         PasswordEncoder encoder, PasswordPolicy policy, AuditPort audit, Clock clock) {
        this.people = people;
        this.units = units;
        this.grants = grants;
        this.encoder = encoder;
        this.policy = policy;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<Person> search(String q, int page) {
        String term = q == null ? "" : q.strip().toLowerCase(Locale.ROOT);
        return people.findAll(Sort.by("displayName")).stream()
                .filter(p -> term.isEmpty() || p.getDisplayName().toLowerCase(Locale.ROOT).contains(term)
                        || p.getUsername().contains(term) || p.getEmail().toLowerCase(Locale.ROOT).contains(term))
                .skip((long) Math.max(0, page) * 50).limit(50).toList();
    }

    public Optional<Person> person(UUID id) {
        return people.findById(id);
    }

    public boolean usernameTaken(String username, UUID except) {
        return people.findByUsernameIgnoreCase(username).filter(p -> !p.getId().equals(except)).isPresent();
    }

    public boolean emailTaken(String email, UUID except) {
        return people.findByEmailIgnoreCase(email).filter(p -> !p.getId().equals(except)).isPresent();
    }

    @Transactional
    public UUID create(PersonDetails d, PersonId by) {
        Person p = people.saveAndFlush(new Person(UUID.randomUUID(), d.username().strip().toLowerCase(Locale.ROOT),
                d.email().strip(), d.displayName().strip(), d.traineeType(), blankToNull(d.trainingLevel()),
                d.departmentId(), d.programId(), clock.instant()));
        audit.record(AuditEntry.success(by, "PERSON_CREATED", "person", p.getId().toString()));
        return p.getId();
    }

    @Transactional
    public void update(UUID id, PersonDetails d, PersonId by) {
        Person p = people.findById(id).orElseThrow();
        p.updateProfile(d.email().strip(), d.displayName().strip(), d.traineeType(), blankToNull(d.trainingLevel()),
                d.departmentId(), d.programId());
        if (p.isActive() != d.active()) {
            p.setActive(d.active());
            audit.record(AuditEntry.success(by, d.active() ? "PERSON_REACTIVATED" : "PERSON_DEACTIVATED", "person", id.toString()));
        }
        audit.record(AuditEntry.success(by, "PERSON_UPDATED", "person", id.toString()));
    }

    /** Sets an initial password; returns the policy's objections (message keys), empty when set. */
    @Transactional
    public List<String> setPassword(UUID id, String password, PersonId by) {
        Person p = people.findById(id).orElseThrow();
        List<String> problems = policy.violations(password, p.getUsername());
        if (problems.isEmpty()) {
            p.changePassword(encoder.encode(password));
            audit.record(AuditEntry.success(by, "PASSWORD_SET_BY_ADMIN", "person", id.toString()));
        }
        return problems;
    }

    public List<RoleGrantEntity> grantsOf(UUID person) {
        return grants.findByPersonId(person);
    }

    @Transactional
    public boolean grant(UUID person, Role role, UUID unit, PersonId by) {
        boolean exists = grants.findByPersonId(person).stream().anyMatch(g -> g.getRole() == role && g.getOrgUnitId().equals(unit));
        if (exists || units.findById(unit).isEmpty() || people.findById(person).isEmpty()) {
            return false;
        }
        RoleGrantEntity grant = grants.save(new RoleGrantEntity(UUID.randomUUID(), person, role, unit, by.value(), clock.instant()));
        audit.record(new AuditEntry(by, "ROLE_GRANTED", "role_grant", grant.getId().toString(), new PersonId(person),
                "administration", AuditEntry.Outcome.SUCCESS, role.name()));
        return true;
    }

    @Transactional
    public boolean revoke(UUID person, UUID grantId, PersonId by) {
        return grants.findById(grantId).filter(g -> g.getPersonId().equals(person)).map(g -> {
            grants.delete(g);
            audit.record(new AuditEntry(by, "ROLE_REVOKED", "role_grant", grantId.toString(), new PersonId(person),
                    "administration", AuditEntry.Outcome.SUCCESS, g.getRole().name()));
            return true;
        }).orElse(false);
    }

    public List<OrgUnit> units() {
        return units.findAllByOrderByName();
    }

    public boolean unitCodeTaken(String code) {
        return units.findByCode(code.strip()).isPresent();
    }

    @Transactional
    public UUID createUnit(String code, String name, OrgUnitKind kind, UUID parent, PersonId by) {
        OrgUnit unit = units.save(new OrgUnit(UUID.randomUUID(), parent, kind, code.strip(), name.strip(), clock.instant()));
        audit.record(AuditEntry.success(by, "ORG_UNIT_CREATED", "org_unit", unit.getId().toString()));
        return unit.getId();
    }

    @Transactional
    public void renameUnit(UUID id, String name, PersonId by) {
        units.findById(id).orElseThrow().rename(name.strip());
        audit.record(AuditEntry.success(by, "ORG_UNIT_RENAMED", "org_unit", id.toString()));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

}
