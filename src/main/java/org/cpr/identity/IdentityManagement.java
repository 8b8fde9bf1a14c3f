package org.cpr.identity;

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

import org.cpr.identity.internal.OrgUnit;
import org.cpr.identity.internal.OrgUnitRepository;
import org.cpr.identity.internal.Person;
import org.cpr.identity.internal.PersonRepository;
import org.cpr.identity.internal.RoleGrantEntity;
import org.cpr.identity.internal.RoleGrantRepository;
import org.cpr.shared.OrgUnitId;
import org.cpr.shared.PersonId;
import org.cpr.shared.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The identity module's API for other modules: people, the org tree, and scoped role checks. */
@Service
@Transactional(readOnly = true)
public class IdentityManagement {

    private final PersonRepository people;
    private final OrgUnitRepository units;
    private final RoleGrantRepository grants;

    IdentityManagement(PersonRepository people, OrgUnitRepository units, RoleGrantRepository grants) {
        this.people = people;
        this.units = units;
        this.grants = grants;
    }

    public Optional<PersonSummary> person(PersonId id) {
        return people.findById(id.value()).map(IdentityManagement::summary);
    }

    public Optional<PersonSummary> byUsername(String username) {
        return username == null ? Optional.empty() : people.findByUsernameIgnoreCase(username.strip()).map(IdentityManagement::summary);
    }

    public Map<PersonId, String> displayNames(Collection<PersonId> ids) {
        return people.findAllById(ids.stream().map(PersonId::value).toList()).stream()
                .collect(Collectors.toMap(p -> new PersonId(p.getId()), Person::getDisplayName));
    }

    public List<OrgUnitSummary> orgUnits() {
        return units.findAllByOrderByName().stream().map(IdentityManagement::summary).toList();
    }

    public List<OrgUnitSummary> orgUnitsOfKind(OrgUnitKind kind) {
        return orgUnits().stream().filter(u -> u.kind() == kind).toList();
    }

    /** The unit and everything below it. */
    public Set<OrgUnitId> subtree(OrgUnitId root) {
        Map<UUID, List<UUID>> children = units.findAll().stream().filter(u -> u.getParentId() != null)
                .collect(Collectors.groupingBy(OrgUnit::getParentId, Collectors.mapping(OrgUnit::getId, Collectors.toList())));
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

    /** Whether {@code person} holds {@code role} for {@code unit}, directly or through an ancestor. */
    public boolean holds(PersonId person, Role role, OrgUnitId unit) {
        Map<UUID, UUID> parents = units.findAll().stream().filter(u -> u.getParentId() != null)
                .collect(Collectors.toMap(OrgUnit::getId, OrgUnit::getParentId));
        Set<UUID> scopes = grants.findByPersonId(person.value()).stream().filter(g -> g.getRole() == role)
                .map(RoleGrantEntity::getOrgUnitId).collect(Collectors.toSet());
        for (UUID at = unit.value(); at != null; at = parents.get(at)) {
            if (scopes.contains(at)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Active people whose program or department lies in one of {@code units}' subtrees, filtered by
     * trainee types and roles (empty filters match everyone): the audience of a survey.
     */
    public List<PersonSummary> audience(Collection<OrgUnitId> unitsIn, Set<TraineeType> types, Set<Role> roles) {
        Set<UUID> scope = new HashSet<>();
        unitsIn.forEach(u -> subtree(u).forEach(id -> scope.add(id.value())));
        List<PersonSummary> found = new ArrayList<>();
        for (Person p : people.findAll()) {
            boolean inScope = scope.contains(p.getProgramId()) || scope.contains(p.getDepartmentId());
            boolean typeMatches = types.isEmpty() || types.contains(p.getTraineeType());
            boolean roleMatches = roles.isEmpty() || grants.findByPersonId(p.getId()).stream().anyMatch(g -> roles.contains(g.getRole()));
            if (p.isActive() && inScope && typeMatches && roleMatches) {
                found.add(summary(p));
            }
        }
        return found;
    }

    static PersonSummary summary(Person p) {
        return new PersonSummary(new PersonId(p.getId()), p.getUsername(), p.getDisplayName(), p.getEmail(), p.getTraineeType(),
                p.getTrainingLevel(), p.getProgramId() == null ? null : new OrgUnitId(p.getProgramId()),
                p.getDepartmentId() == null ? null : new OrgUnitId(p.getDepartmentId()), p.isActive());
    }

    static OrgUnitSummary summary(OrgUnit u) {
        return new OrgUnitSummary(new OrgUnitId(u.getId()), u.getParentId() == null ? null : new OrgUnitId(u.getParentId()),
                u.getKind(), u.getCode(), u.getName());
    }
}
