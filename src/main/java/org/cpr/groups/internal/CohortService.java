package org.cpr.groups.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.cpr.groups.Cohort;
import org.cpr.groups.Cohorts;
import org.cpr.groups.FormationPreview;
import org.cpr.groups.GroupFormation;
import org.cpr.groups.GroupsRefused;
import org.cpr.groups.Placement;
import org.cpr.groups.UnknownGroupRecord;
import org.cpr.identity.IdentityManagement;
import org.cpr.identity.OrgUnitKind;
import org.cpr.identity.OrgUnitSummary;
import org.cpr.identity.PersonSummary;
import org.cpr.identity.TraineeType;
import org.cpr.shared.AuditEntry;
import org.cpr.shared.AuditPort;
import org.cpr.shared.OrgUnitId;
import org.cpr.shared.PersonId;
import org.cpr.shared.Role;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Cohorts, formation and moves over the groups tables ({@link GroupStore}).
 */
@Service("cohorts")
class CohortService implements Cohorts {

	static final int MAX_REASON = 500;

	private final GroupStore store;

	private final IdentityManagement identity;

	private final AuditPort audit;

	private final Clock clock;

	private final int minSize;

	private final int maxSize;

	CohortService(GroupStore store, IdentityManagement identity, AuditPort audit, Clock clock,
			@Value("${cpr.groups.min-size:10}") int minSize, @Value("${cpr.groups.max-size:15}") int maxSize) {
		this.store = store;
		this.identity = identity;
		this.audit = audit;
		this.clock = clock;
		this.minSize = minSize;
		this.maxSize = maxSize;
	}

	@Override
	public int minSize() {
		return minSize;
	}

	@Override
	public int maxSize() {
		return maxSize;
	}

	@Override
	@Transactional(readOnly = true)
	public List<Cohort> all() {
		return store.cohorts().stream().map(this::cohort).toList();
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<Cohort> find(UUID id) {
		return store.cohort(id).map(this::cohort);
	}

	@Override
	public List<OrgUnitSummary> programs() {
		return identity.orgUnitsOfKind(OrgUnitKind.PROGRAM);
	}

	@Override
	@Transactional
	public UUID create(String name, OrgUnitId program, TraineeType type, String level, PersonId by) {
		String title = name == null ? "" : name.strip();
		if (title.isEmpty() || title.length() > 200) {
			throw new GroupsRefused("name",
					title.isEmpty() ? "groups.cohort.name.required" : "groups.cohort.name.long");
		}
		String lvl = level == null || level.isBlank() ? null : level.strip();
		if (lvl != null && lvl.length() > 20) {
			throw new GroupsRefused("level", "groups.cohort.level.long");
		}
		if (program != null && programs().stream().noneMatch(p -> p.id().equals(program))) {
			throw new GroupsRefused("program", "groups.cohort.program.unknown");
		}
		List<OrgUnitId> scope = program != null ? List.of(program)
				: identity.orgUnits().stream().filter(u -> u.parent() == null).map(OrgUnitSummary::id).toList();
		List<PersonId> people = identity.audience(scope, type == null ? Set.of() : Set.of(type), Set.of())
			.stream()
			.filter(p -> lvl == null || lvl.equalsIgnoreCase(p.trainingLevel()))
			.map(PersonSummary::id)
			.toList();
		if (people.isEmpty()) {
			throw new GroupsRefused(null, "groups.cohort.empty");
		}
		UUID id = UUID.randomUUID();
		store.insertCohort(new GroupStore.CohortRow(id, title, program == null ? null : program.value(),
				type == null ? null : type.name(), lvl, clock.instant()), by, people);
		audit.record(AuditEntry.administration(by, "MENTORING_COHORT_CREATED", "mentoring_cohort", id.toString())
			.detail("people=" + people.size()));
		return id;
	}

	@Override
	@Transactional(readOnly = true)
	public FormationPreview preview(UUID cohortId, List<String> leaderUsernames) {
		GroupStore.CohortRow cohort = store.cohort(cohortId).orElseThrow(UnknownGroupRecord::new);
		List<PersonSummary> leaders = leaders(leaderUsernames);
		Set<PersonId> leaderIds = new HashSet<>();
		leaders.forEach(l -> leaderIds.add(l.id()));
		Map<PersonId, PersonSummary> people = new LinkedHashMap<>();
		for (PersonId p : store.cohortMembers(cohort.id())) {
			if (!leaderIds.contains(p)) {
				identity.person(p).filter(PersonSummary::active).ifPresent(s -> people.put(p, s));
			}
		}
		List<GroupFormation.Candidate> candidates = people.values()
			.stream()
			.map(s -> new GroupFormation.Candidate(s.id(), s.program() == null ? null : s.program().toString(),
					s.trainingLevel()))
			.toList();
		Map<PersonId, Set<PersonId>> conflicts = conflicts(people.values(), leaders);
		GroupFormation.Proposal proposal = GroupFormation.propose(candidates,
				leaders.stream().map(PersonSummary::id).toList(), conflicts, minSize, maxSize);
		Map<PersonId, String> leaderNames = new LinkedHashMap<>();
		leaders.forEach(l -> leaderNames.put(l.id(), l.displayName()));
		Map<String, String> programNames = new HashMap<>();
		programs().forEach(p -> programNames.put(p.id().toString(), p.name()));
		return new FormationPreview(proposal, people, leaderNames, programNames, minSize, maxSize);
	}

	@Override
	@Transactional
	public List<UUID> form(UUID cohortId, List<String> leaderUsernames, String sizeReason, PersonId by) {
		if (!store.groupsOfCohort(cohortId).isEmpty()) {
			throw new GroupsRefused(null, "groups.form.already");
		}
		FormationPreview preview = preview(cohortId, leaderUsernames);
		GroupFormation.Proposal proposal = preview.proposal();
		if (!proposal.everyGroupLed()) {
			throw new GroupsRefused("leaders", "groups.form.needLeaders", proposal.groups());
		}
		if (!proposal.unplaced().isEmpty()) {
			throw new GroupsRefused("leaders", "groups.form.unplaced", proposal.unplaced().size());
		}
		String reason = reason(sizeReason);
		if (proposal.outsideRange() && reason == null) {
			throw new GroupsRefused("sizeReason", "groups.size.reasonRequired", minSize, maxSize);
		}
		List<UUID> ids = new ArrayList<>();
		for (int g = 0; g < proposal.groups(); g++) {
			UUID id = UUID.randomUUID();
			ids.add(id);
			store.insertGroup(new GroupStore.GroupRow(id, cohortId, "Group " + (g + 1),
					proposal.outsideRange() ? reason : null, 5), clock.instant());
			proposal.leaders().get(g).forEach(l -> store.addLeader(id, l));
			for (GroupFormation.Placement p : proposal.of(g)) {
				store.addMember(id, cohortId, p.person(), p.code());
			}
		}
		audit.record(AuditEntry.administration(by, "MENTORING_GROUPS_FORMED", "mentoring_cohort", cohortId.toString())
			.detail("groups=" + ids.size()));
		return ids;
	}

	@Override
	@Transactional
	public void move(UUID fromGroup, PersonId person, UUID toGroup, String sizeReason, PersonId by) {
		GroupStore.GroupRow from = store.group(fromGroup).orElseThrow(UnknownGroupRecord::new);
		GroupStore.GroupRow to = store.group(toGroup)
			.filter(g -> g.cohort().equals(from.cohort()))
			.orElseThrow(() -> new GroupsRefused("target", "groups.move.target"));
		if (from.id().equals(to.id())) {
			throw new GroupsRefused("target", "groups.move.same");
		}
		store.membership(fromGroup, person).orElseThrow(UnknownGroupRecord::new);
		PersonSummary member = identity.person(person).orElseThrow(UnknownGroupRecord::new);
		List<PersonSummary> targetLeaders = store.leaders(toGroup)
			.stream()
			.map(identity::person)
			.flatMap(Optional::stream)
			.toList();
		if (!conflicts(List.of(member), targetLeaders).getOrDefault(person, Set.of()).isEmpty()) {
			throw new GroupsRefused("target", "groups.move.conflict");
		}
		int fromSize = store.members(fromGroup).size() - 1;
		int toSize = store.members(toGroup).size() + 1;
		String reason = reason(sizeReason);
		boolean outside = fromSize < minSize || fromSize > maxSize || toSize < minSize || toSize > maxSize;
		if (outside && reason == null) {
			throw new GroupsRefused("sizeReason", "groups.size.reasonRequired", minSize, maxSize);
		}
		store.moveMember(fromGroup, toGroup, person, Placement.MOVED);
		store.setSizeReason(fromGroup, fromSize < minSize || fromSize > maxSize ? reason : null);
		store.setSizeReason(toGroup, toSize < minSize || toSize > maxSize ? reason : null);
		audit.record(AuditEntry.administration(by, "MENTORING_MEMBER_MOVED", "mentoring_group", toGroup.toString())
			.about(person));
	}

	@Override
	@Transactional
	public UUID addPerson(UUID cohortId, String username, UUID wantedGroup, String sizeReason, PersonId by) {
		store.cohort(cohortId).orElseThrow(UnknownGroupRecord::new);
		String u = username == null ? "" : username.strip();
		if (u.isEmpty()) {
			throw new GroupsRefused("person", "groups.cohort.person.required");
		}
		PersonSummary person = identity.byUsername(u)
			.filter(PersonSummary::active)
			.orElseThrow(() -> new GroupsRefused("person", "groups.leader.unknown", u));
		if (store.cohortMembers(cohortId).contains(person.id())) {
			throw new GroupsRefused("person", "groups.cohort.person.already");
		}
		List<GroupStore.GroupRow> groups = store.groupsOfCohort(cohortId);
		UUID target = null;
		if (!groups.isEmpty()) {
			List<GroupStore.GroupRow> allowed = groups.stream()
				.filter(g -> wantedGroup == null || g.id().equals(wantedGroup))
				.filter(g -> !inSupervisoryLine(person, g.id()))
				.sorted(java.util.Comparator.comparingInt(g -> store.members(g.id()).size()))
				.toList();
			if (wantedGroup != null && groups.stream().noneMatch(g -> g.id().equals(wantedGroup))) {
				throw new GroupsRefused("target", "groups.move.target");
			}
			if (allowed.isEmpty()) {
				throw new GroupsRefused("target",
						wantedGroup == null ? "groups.cohort.person.noGroup" : "groups.move.conflict");
			}
			target = allowed.get(0).id();
			int size = store.members(target).size() + 1;
			String reason = reason(sizeReason);
			boolean outside = size < minSize || size > maxSize;
			if (outside && reason == null) {
				throw new GroupsRefused("sizeReason", "groups.size.reasonRequired", minSize, maxSize);
			}
			store.setSizeReason(target, outside ? reason : null);
		}
		store.addCohortMember(cohortId, person.id());
		if (target != null) {
			store.addMember(target, cohortId, person.id(), Placement.ADDED);
		}
		audit.record(
				AuditEntry.administration(by, "MENTORING_COHORT_MEMBER_ADDED", "mentoring_cohort", cohortId.toString())
					.about(person.id()));
		return target;
	}

	@Override
	@Transactional
	public void removePerson(UUID cohortId, PersonId person, String sizeReason, PersonId by) {
		store.cohort(cohortId).orElseThrow(UnknownGroupRecord::new);
		if (!store.cohortMembers(cohortId).contains(person)) {
			throw new UnknownGroupRecord();
		}
		for (GroupStore.GroupRow g : store.groupsOfCohort(cohortId)) {
			if (store.membership(g.id(), person).isPresent()) {
				int size = store.members(g.id()).size() - 1;
				String reason = reason(sizeReason);
				boolean outside = size < minSize || size > maxSize;
				if (outside && reason == null) {
					throw new GroupsRefused("sizeReason", "groups.size.reasonRequired", minSize, maxSize);
				}
				store.removeMember(g.id(), person);
				store.setSizeReason(g.id(), outside ? reason : null);
			}
		}
		store.removeCohortMember(cohortId, person);
		audit.record(AuditEntry
			.administration(by, "MENTORING_COHORT_MEMBER_REMOVED", "mentoring_cohort", cohortId.toString())
			.about(person));
	}

	/**
	 * The cohort's people with their group, for the coordinator (audited as an
	 * administration view).
	 */
	@Transactional
	public List<CohortPerson> people(UUID cohortId, PersonId viewer) {
		Map<PersonId, String> groupOf = new HashMap<>();
		for (GroupStore.GroupRow g : store.groupsOfCohort(cohortId)) {
			store.members(g.id()).forEach(m -> groupOf.put(m.person(), g.name()));
		}
		List<PersonId> ids = store.cohortMembers(cohortId);
		audit.record(
				AuditEntry.administration(viewer, "MENTORING_COHORT_VIEWED", "mentoring_cohort", cohortId.toString())
					.detail("people=" + ids.size()));
		return ids.stream()
			.map(identity::person)
			.flatMap(Optional::stream)
			.map(p -> new CohortPerson(p.id(), p.displayName(), p.username(), groupOf.get(p.id())))
			.sorted(java.util.Comparator.comparing(CohortPerson::displayName))
			.toList();
	}

	@Override
	@Transactional(readOnly = true)
	public List<PersonId> conflictsNow(UUID cohortId) {
		List<PersonId> out = new ArrayList<>();
		for (GroupStore.GroupRow g : store.groupsOfCohort(cohortId)) {
			for (GroupStore.MemberRow m : store.members(g.id())) {
				identity.person(m.person()).filter(p -> inSupervisoryLine(p, g.id())).ifPresent(p -> out.add(p.id()));
			}
		}
		return out;
	}

	private boolean inSupervisoryLine(PersonSummary person, UUID group) {
		List<PersonSummary> leaders = store.leaders(group)
			.stream()
			.map(identity::person)
			.flatMap(Optional::stream)
			.toList();
		return !conflicts(List.of(person), leaders).getOrDefault(person.id(), Set.of()).isEmpty();
	}

	private String reason(String text) {
		String r = text == null ? null : text.strip();
		if (r == null || r.isEmpty()) {
			return null;
		}
		if (r.length() > MAX_REASON) {
			throw new GroupsRefused("sizeReason", "groups.size.reasonLong", MAX_REASON);
		}
		return r;
	}

	private List<PersonSummary> leaders(List<String> usernames) {
		List<PersonSummary> found = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		for (String raw : usernames) {
			String u = raw == null ? "" : raw.strip();
			if (u.isEmpty() || !seen.add(u.toLowerCase(java.util.Locale.ROOT))) {
				continue;
			}
			PersonSummary p = identity.byUsername(u)
				.filter(PersonSummary::active)
				.orElseThrow(() -> new GroupsRefused("leaders", "groups.leader.unknown", u));
			if (!isLeader(p.id())) {
				throw new GroupsRefused("leaders", "groups.leader.notLeader", u);
			}
			found.add(p);
		}
		if (found.isEmpty()) {
			throw new GroupsRefused("leaders", "groups.leader.required");
		}
		return found;
	}

	private boolean isLeader(PersonId person) {
		return identity.orgUnits().stream().anyMatch(u -> identity.holds(person, Role.GROUP_LEADER, u.id()));
	}

	@Override
	public Map<PersonId, Set<PersonId>> conflicts(java.util.Collection<PersonSummary> people,
			List<PersonSummary> leaders) {
		Map<String, Boolean> directs = new HashMap<>();
		Map<PersonId, Set<PersonId>> result = new HashMap<>();
		Map<PersonId, List<PersonId>> listed = store.allConflicts();
		for (PersonSummary p : people) {
			Set<PersonId> line = new HashSet<>();
			List<PersonId> evaluators = listed.getOrDefault(p.id(), List.of());
			for (PersonSummary l : leaders) {
				boolean director = p.program() != null && directs.computeIfAbsent(l.id() + "|" + p.program(),
						k -> identity.holds(l.id(), Role.PROGRAM_DIRECTOR, p.program()));
				if (director || evaluators.contains(l.id())) {
					line.add(l.id());
				}
			}
			if (!line.isEmpty()) {
				result.put(p.id(), line);
			}
		}
		return result;
	}

	private Cohort cohort(GroupStore.CohortRow c) {
		return new Cohort(c.id(), c.name(), c.program() == null ? null : new OrgUnitId(c.program()), c.traineeType(),
				c.level(), store.cohortMembers(c.id()).size(), store.groupsOfCohort(c.id()).size());
	}

}
