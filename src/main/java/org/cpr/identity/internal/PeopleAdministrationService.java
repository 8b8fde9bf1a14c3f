package org.cpr.identity.internal;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.cpr.identity.GrantedRole;
import org.cpr.identity.OrgUnitKind;
import org.cpr.identity.OrgUnitRow;
import org.cpr.identity.PasswordPolicy;
import org.cpr.identity.PeopleAdministration;
import org.cpr.identity.PersonSummary;
import org.cpr.shared.AuditEntry;
import org.cpr.shared.AuditPort;
import org.cpr.shared.PersonId;
import org.cpr.shared.Role;
import org.springframework.data.domain.Sort;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The system administrator's changes to people, org units and role grants; every change
 * is audited.
 */
@Service
class PeopleAdministrationService implements PeopleAdministration {

	private final PersonRepository people;

	private final OrgUnitRepository units;

	private final RoleGrantRepository grants;

	private final PasswordEncoder encoder;

	private final PasswordPolicy policy;

	private final AuditPort audit;

	private final Clock clock;

	PeopleAdministrationService(PersonRepository people, OrgUnitRepository units, RoleGrantRepository grants,
			PasswordEncoder encoder, PasswordPolicy policy, AuditPort audit, Clock clock) {
		this.people = people;
		this.units = units;
		this.grants = grants;
		this.encoder = encoder;
		this.policy = policy;
		this.audit = audit;
		this.clock = clock;
	}

	@Override
	@Transactional(readOnly = true)
	public List<PersonSummary> search(String q, int page) {
		String term = q == null ? "" : q.strip().toLowerCase(Locale.ROOT);
		return people.findAll(Sort.by("displayName"))
			.stream()
			.filter(p -> term.isEmpty() || p.getDisplayName().toLowerCase(Locale.ROOT).contains(term)
					|| p.getUsername().contains(term) || p.getEmail().toLowerCase(Locale.ROOT).contains(term))
			.skip((long) Math.max(0, page) * 50)
			.limit(50)
			.map(IdentityManagementService::summary)
			.toList();
	}

	@Override
	public Optional<PersonSummary> person(UUID id) {
		return people.findById(id).map(IdentityManagementService::summary);
	}

	@Override
	public boolean usernameTaken(String username, UUID except) {
		return people.findByUsernameIgnoreCase(username).filter(p -> !p.getId().equals(except)).isPresent();
	}

	@Override
	public boolean emailTaken(String email, UUID except) {
		return people.findByEmailIgnoreCase(email).filter(p -> !p.getId().equals(except)).isPresent();
	}

	@Override
	@Transactional
	public UUID create(PersonDetails d, PersonId by) {
		Person p = people.saveAndFlush(new Person(UUID.randomUUID(), d.username().strip().toLowerCase(Locale.ROOT),
				d.email().strip(), d.displayName().strip(), d.traineeType(), blankToNull(d.trainingLevel()),
				d.departmentId(), d.programId(), clock.instant()));
		audit.record(AuditEntry.success(by, "PERSON_CREATED", "person", p.getId().toString()));
		if (!d.active()) {
			// created as inactive (e.g. a person who starts later): cannot sign in until
			// reactivated
			p.setActive(false);
			audit.record(AuditEntry.success(by, "PERSON_DEACTIVATED", "person", p.getId().toString()));
		}
		return p.getId();
	}

	@Override
	@Transactional
	public void update(UUID id, PersonDetails d, PersonId by) {
		Person p = people.findById(id).orElseThrow();
		p.updateProfile(d.email().strip(), d.displayName().strip(), d.traineeType(), blankToNull(d.trainingLevel()),
				d.departmentId(), d.programId());
		if (p.isActive() != d.active()) {
			p.setActive(d.active());
			audit.record(AuditEntry.success(by, d.active() ? "PERSON_REACTIVATED" : "PERSON_DEACTIVATED", "person",
					id.toString()));
		}
		audit.record(AuditEntry.success(by, "PERSON_UPDATED", "person", id.toString()));
	}

	@Override
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

	@Override
	public List<GrantedRole> grantsOf(UUID person) {
		return grants.findByPersonId(person)
			.stream()
			.map(g -> new GrantedRole(g.getId(), g.getRole(), g.getOrgUnitId()))
			.toList();
	}

	@Override
	@Transactional
	public boolean grant(UUID person, Role role, UUID unit, PersonId by) {
		boolean exists = grants.findByPersonId(person)
			.stream()
			.anyMatch(g -> g.getRole() == role && g.getOrgUnitId().equals(unit));
		if (exists || units.findById(unit).isEmpty() || people.findById(person).isEmpty()) {
			return false;
		}
		RoleGrantEntity grant = grants.save(new RoleGrantEntity(UUID.randomUUID(), person, role, unit,
				by == null ? null : by.value(), clock.instant()));
		audit.record(AuditEntry.administration(by, "ROLE_GRANTED", "role_grant", grant.getId().toString())
			.about(new PersonId(person))
			.detail(role.name()));
		return true;
	}

	@Override
	@Transactional
	public boolean revoke(UUID person, UUID grantId, PersonId by) {
		return grants.findById(grantId).filter(g -> g.getPersonId().equals(person)).map(g -> {
			grants.delete(g);
			audit.record(AuditEntry.administration(by, "ROLE_REVOKED", "role_grant", grantId.toString())
				.about(new PersonId(person))
				.detail(g.getRole().name()));
			return true;
		}).orElse(false);
	}

	@Override
	public List<OrgUnitRow> units() {
		return units.findAllByOrderByName()
			.stream()
			.map(u -> new OrgUnitRow(u.getId(), u.getParentId(), u.getKind(), u.getCode(), u.getName()))
			.toList();
	}

	@Override
	public boolean unitCodeTaken(String code) {
		return units.findByCode(code.strip()).isPresent();
	}

	@Override
	@Transactional
	public UUID createUnit(String code, String name, OrgUnitKind kind, UUID parent, PersonId by) {
		OrgUnit unit = units
			.save(new OrgUnit(UUID.randomUUID(), parent, kind, code.strip(), name.strip(), clock.instant()));
		audit.record(AuditEntry.success(by, "ORG_UNIT_CREATED", "org_unit", unit.getId().toString()));
		return unit.getId();
	}

	@Override
	@Transactional
	public void renameUnit(UUID id, String name, PersonId by) {
		units.findById(id).orElseThrow().rename(name.strip());
		audit.record(AuditEntry.success(by, "ORG_UNIT_RENAMED", "org_unit", id.toString()));
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

}
