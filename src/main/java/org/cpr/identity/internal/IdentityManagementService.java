package org.cpr.identity.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.cpr.identity.IdentityManagement;
import org.cpr.identity.OrgUnitKind;
import org.cpr.identity.OrgUnitSummary;
import org.cpr.identity.PersonSummary;
import org.cpr.identity.TraineeType;
import org.cpr.shared.OrgUnitId;
import org.cpr.shared.PersonId;
import org.cpr.shared.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** People, the org tree and scoped role checks, read from the identity tables. */
@Service
@Transactional(readOnly = true)
class IdentityManagementService implements IdentityManagement {

	/** The languages pages and e-mail are offered in (the message bundles'). */
	static final Set<String> LANGUAGES = Set.of("en", "es");

	private final PersonRepository people;

	private final OrgUnitRepository units;

	private final RoleGrantRepository grants;

	private final JdbcClient jdbc;

	IdentityManagementService(PersonRepository people, OrgUnitRepository units, RoleGrantRepository grants,
			JdbcClient jdbc) {
		this.people = people;
		this.units = units;
		this.grants = grants;
		this.jdbc = jdbc;
	}

	@Override
	public java.util.Locale language(PersonId id) {
		return people.findById(id.value())
			.map(Person::getPreferredLocale)
			.filter(LANGUAGES::contains)
			.map(java.util.Locale::forLanguageTag)
			.orElse(java.util.Locale.ENGLISH);
	}

	@Override
	public Optional<java.util.Locale> chosenLanguage(PersonId id) {
		return people.findById(id.value())
			.map(Person::getPreferredLocale)
			.filter(LANGUAGES::contains)
			.map(java.util.Locale::forLanguageTag);
	}

	@Override
	@Transactional
	public void rememberLanguage(PersonId id, java.util.Locale language) {
		if (language == null || !LANGUAGES.contains(language.getLanguage())) {
			return;
		}
		people.findById(id.value())
			.filter(p -> !language.getLanguage().equals(p.getPreferredLocale()))
			.ifPresent(p -> p.setPreferredLocale(language.getLanguage()));
	}

	@Override
	public Optional<PersonSummary> person(PersonId id) {
		return people.findById(id.value()).map(IdentityManagementService::summary);
	}

	/**
	 * One autocommit SELECT, outside any transaction of its own (a caller's transaction
	 * is joined): neither a JPA session nor a transaction is opened for it.
	 */
	@Override
	@Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
	public Optional<OrgUnitId> program(PersonId id) {
		return jdbc.sql("SELECT program_id FROM person WHERE id = ?")
			.param(id.value())
			.query((rs, n) -> Optional.ofNullable(rs.getObject(1, UUID.class)).map(OrgUnitId::new))
			.optional()
			.flatMap(program -> program);
	}

	@Override
	public Optional<PersonSummary> byUsername(String username) {
		return username == null ? Optional.empty()
				: people.findByUsernameIgnoreCase(username.strip()).map(IdentityManagementService::summary);
	}

	@Override
	public Map<PersonId, String> displayNames(Collection<PersonId> ids) {
		return people.findAllById(ids.stream().map(PersonId::value).toList())
			.stream()
			.collect(Collectors.toMap(p -> new PersonId(p.getId()), Person::getDisplayName));
	}

	@Override
	public List<OrgUnitSummary> orgUnits() {
		return units.findAllByOrderByName().stream().map(IdentityManagementService::summary).toList();
	}

	@Override
	public List<OrgUnitSummary> orgUnitsOfKind(OrgUnitKind kind) {
		return orgUnits().stream().filter(u -> u.kind() == kind).toList();
	}

	@Override
	public Set<OrgUnitId> subtree(OrgUnitId root) {
		Map<UUID, List<UUID>> children = units.findAll()
			.stream()
			.filter(u -> u.getParentId() != null)
			.collect(Collectors.groupingBy(OrgUnit::getParentId,
					Collectors.mapping(OrgUnit::getId, Collectors.toList())));
		Set<OrgUnitId> found = new HashSet<>();
		Deque<UUID> todo = new ArrayDeque<>(List.of(root.value()));
		while (!todo.isEmpty()) {
			UUID next = todo.pop();
			if (found.add(new OrgUnitId(next))) {
				todo.addAll(children.getOrDefault(next, List.of()));
			}
		}
		return found;
	}

	@Override
	public boolean holds(PersonId person, Role role, OrgUnitId unit) {
		Map<UUID, UUID> parents = units.findAll()
			.stream()
			.filter(u -> u.getParentId() != null)
			.collect(Collectors.toMap(OrgUnit::getId, OrgUnit::getParentId));
		Set<UUID> scopes = grants.findByPersonId(person.value())
			.stream()
			.filter(g -> g.getRole() == role)
			.map(RoleGrantEntity::getOrgUnitId)
			.collect(Collectors.toSet());
		for (UUID at = unit.value(); at != null; at = parents.get(at)) {
			if (scopes.contains(at)) {
				return true;
			}
		}
		return false;
	}

	@Override
	public List<PersonSummary> audience(Collection<OrgUnitId> unitsIn, Set<TraineeType> types, Set<Role> roles) {
		Set<UUID> scope = new HashSet<>();
		unitsIn.forEach(u -> subtree(u).forEach(id -> scope.add(id.value())));
		List<PersonSummary> found = new ArrayList<>();
		for (Person p : people.findAll()) {
			boolean inScope = scope.contains(p.getProgramId()) || scope.contains(p.getDepartmentId());
			boolean typeMatches = types.isEmpty() || types.contains(p.getTraineeType());
			boolean roleMatches = roles.isEmpty()
					|| grants.findByPersonId(p.getId()).stream().anyMatch(g -> roles.contains(g.getRole()));
			if (p.isActive() && inScope && typeMatches && roleMatches) {
				found.add(summary(p));
			}
		}
		return found;
	}

	@Override
	public List<PersonSummary> holdersOf(Role role) {
		Set<UUID> ids = grants.findAll()
			.stream()
			.filter(g -> g.getRole() == role)
			.map(RoleGrantEntity::getPersonId)
			.collect(Collectors.toSet());
		return people.findAllById(ids)
			.stream()
			.filter(Person::isActive)
			.map(IdentityManagementService::summary)
			.toList();
	}

	static PersonSummary summary(Person p) {
		return new PersonSummary(new PersonId(p.getId()), p.getUsername(), p.getDisplayName(), p.getEmail(),
				p.getTraineeType(), p.getTrainingLevel(),
				p.getProgramId() == null ? null : new OrgUnitId(p.getProgramId()),
				p.getDepartmentId() == null ? null : new OrgUnitId(p.getDepartmentId()), p.isActive());
	}

	static OrgUnitSummary summary(OrgUnit u) {
		return new OrgUnitSummary(new OrgUnitId(u.getId()),
				u.getParentId() == null ? null : new OrgUnitId(u.getParentId()), u.getKind(), u.getCode(), u.getName());
	}

}
