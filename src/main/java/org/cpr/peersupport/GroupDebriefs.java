package org.cpr.peersupport;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

import org.cpr.identity.IdentityManagement;
import org.cpr.peersupport.PeerSupportRefused.Reason;
import org.cpr.peersupport.internal.DebriefStore;
import org.cpr.shared.AuditEntry;
import org.cpr.shared.AuditPort;
import org.cpr.shared.OrgUnitId;
import org.cpr.shared.PersonId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Group debriefs after critical incidents: unit, date, facilitators and an attendance
 * count.
 */
@Service
public class GroupDebriefs {

	private final DebriefStore store;

	private final IdentityManagement identity;

	private final AuditPort audit;

	private final Clock clock;

	GroupDebriefs(DebriefStore store, IdentityManagement identity, AuditPort audit, Clock clock) {
		this.store = store;
		this.identity = identity;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional
	public UUID record(OrgUnitId unit, LocalDate heldOn, List<PersonId> facilitators, Integer attendance, PersonId by) {
		boolean unitKnown = unit != null && identity.orgUnits().stream().anyMatch(u -> u.id().equals(unit));
		if (!unitKnown || heldOn == null || heldOn.isAfter(LocalDate.now(clock)) || attendance == null || attendance < 1
				|| attendance > 500 || facilitators == null || facilitators.isEmpty()
				|| facilitators.stream().anyMatch(f -> f == null || identity.person(f).isEmpty())) {
			throw new PeerSupportRefused(Reason.DEBRIEF_INVALID);
		}
		UUID id = store.insert(unit, heldOn, List.copyOf(new LinkedHashSet<>(facilitators)), attendance, by,
				clock.instant());
		audit.record(
				AuditEntry.of(by, "PEER_GROUP_DEBRIEF_RECORDED", "peer_group_debrief", id.toString(), "peer-support"));
		return id;
	}

	public List<GroupDebrief> recent() {
		return store.recent(50);
	}

}
