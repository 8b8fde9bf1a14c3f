package org.cpr.groups.internal;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.cpr.groups.GroupMember;
import org.cpr.groups.GroupMembership;
import org.cpr.groups.GroupsRefused;
import org.cpr.groups.MentoringGroup;
import org.cpr.groups.Placement;
import org.cpr.groups.ReferralBasis;
import org.cpr.groups.UnknownGroupRecord;
import org.cpr.identity.IdentityManagement;
import org.cpr.identity.OrgUnitKind;
import org.cpr.identity.PersonSummary;
import org.cpr.safety.AlertTier;
import org.cpr.safety.SafetyAlerts;
import org.cpr.safety.SafetyConcern;
import org.cpr.shared.AuditEntry;
import org.cpr.shared.AuditPort;
import org.cpr.shared.PersonId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who leads and belongs to which group, and referrals, over the groups tables
 * ({@link GroupStore}).
 */
@Service("groupMembership")
class GroupMembershipService implements GroupMembership {

	private final GroupStore store;

	private final IdentityManagement identity;

	private final SafetyAlerts safety;

	private final AuditPort audit;

	private final Clock clock;

	GroupMembershipService(GroupStore store, IdentityManagement identity, SafetyAlerts safety, AuditPort audit,
			Clock clock) {
		this.store = store;
		this.identity = identity;
		this.safety = safety;
		this.audit = audit;
		this.clock = clock;
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<MentoringGroup> group(UUID id) {
		return store.group(id).map(this::view);
	}

	@Override
	@Transactional(readOnly = true)
	public List<MentoringGroup> allGroups() {
		return store.cohorts().stream().flatMap(c -> store.groupsOfCohort(c.id()).stream()).map(this::view).toList();
	}

	@Override
	@Transactional(readOnly = true)
	public List<MentoringGroup> groupsOfCohort(UUID cohort) {
		return store.groupsOfCohort(cohort).stream().map(this::view).toList();
	}

	@Override
	@Transactional(readOnly = true)
	public List<MentoringGroup> ledBy(PersonId leader) {
		return store.groupsLedBy(leader).stream().map(this::view).toList();
	}

	@Override
	@Transactional(readOnly = true)
	public List<MentoringGroup> memberOf(PersonId person) {
		return store.groupsOfMember(person).stream().map(this::view).toList();
	}

	@Override
	public boolean leads(PersonId person, UUID group) {
		return store.leaders(group).contains(person);
	}

	@Override
	@Transactional(readOnly = true)
	public MentoringGroup led(UUID group, PersonId leader) {
		return store.group(group)
			.filter(g -> store.leaders(g.id()).contains(leader))
			.map(this::view)
			.orElseThrow(UnknownGroupRecord::new);
	}

	@Override
	@Transactional
	public List<GroupMember> members(UUID group, PersonId viewer, String purpose) {
		List<GroupStore.MemberRow> rows = store.members(group);
		Map<PersonId, PersonSummary> people = new HashMap<>();
		rows.forEach(r -> identity.person(r.person()).ifPresent(p -> people.put(r.person(), p)));
		Map<String, String> programs = new HashMap<>();
		identity.orgUnitsOfKind(OrgUnitKind.PROGRAM).forEach(u -> programs.put(u.id().toString(), u.name()));
		audit.record(AuditEntry.of(viewer, "MENTORING_MEMBERS_VIEWED", "mentoring_group", group.toString(), purpose)
			.detail("members=" + rows.size()));
		return rows.stream().map(r -> {
			PersonSummary p = people.get(r.person());
			return new GroupMember(r.person(), p == null ? "?" : p.displayName(),
					p == null || p.program() == null ? "" : programs.getOrDefault(p.program().toString(), ""),
					p == null || p.trainingLevel() == null ? "" : p.trainingLevel(), Placement.parse(r.placement()),
					r.agreementAcceptedAt() != null);
		}).sorted(java.util.Comparator.comparing(GroupMember::displayName)).toList();
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<Boolean> agreed(UUID group, PersonId member) {
		return store.membership(group, member).map(m -> m.agreementAcceptedAt() != null);
	}

	@Override
	@Transactional
	public void acceptAgreement(UUID group, PersonId member) {
		store.membership(group, member).orElseThrow(UnknownGroupRecord::new);
		if (store.acceptAgreement(group, member, clock.instant())) {
			audit.record(AuditEntry.selfService(member, "MENTORING_AGREEMENT_ACCEPTED", "mentoring_group",
					group.toString()));
		}
	}

	@Override
	@Transactional(readOnly = true)
	public List<String> fellowMembers(UUID group, PersonId member) {
		if (!agreed(group, member).orElse(false)) {
			return List.of();
		}
		List<PersonId> others = store.members(group)
			.stream()
			.map(GroupStore.MemberRow::person)
			.filter(p -> !p.equals(member))
			.toList();
		return identity.displayNames(others).values().stream().sorted().toList();
	}

	@Override
	@Transactional
	public UUID refer(UUID group, PersonId leader, PersonId member, ReferralBasis basis, boolean confirmed) {
		led(group, leader);
		store.membership(group, member).orElseThrow(() -> new GroupsRefused("member", "groups.referral.member"));
		if (basis == null) {
			throw new GroupsRefused("basis", "groups.referral.basis");
		}
		if (!confirmed) {
			throw new GroupsRefused("confirmed",
					basis == ReferralBasis.CONSENT ? "groups.referral.consent" : "groups.referral.crisisConfirm");
		}
		UUID id = UUID.randomUUID();
		AlertTier tier = basis == ReferralBasis.CRISIS_PROTOCOL ? AlertTier.TIER_1 : AlertTier.TIER_3;
		String reason = basis == ReferralBasis.CRISIS_PROTOCOL ? "GROUP_LEADER_CRISIS_PROTOCOL"
				: "GROUP_LEADER_REFERRAL_CONSENTED";
		UUID alert = safety
			.raise(new SafetyConcern("mentoring-referral", id.toString(), member, null, tier, Set.of(reason)));
		store.insertReferral(id, group, leader, member, basis.name(), alert, clock.instant());
		audit.record(AuditEntry
			.care(leader, basis == ReferralBasis.CRISIS_PROTOCOL ? "MENTORING_CRISIS_REFERRAL" : "MENTORING_REFERRAL",
					"mentoring_referral", id.toString())
			.about(member)
			.detail(basis.name()));
		return alert;
	}

	private MentoringGroup view(GroupStore.GroupRow g) {
		List<PersonId> leaders = store.leaders(g.id());
		Map<PersonId, String> names = identity.displayNames(leaders);
		return new MentoringGroup(g.id(), g.cohort(), g.name(), leaders,
				leaders.stream().map(l -> names.getOrDefault(l, "?")).toList(), store.members(g.id()).size(),
				g.sizeReason(), g.minRespondents());
	}

}
