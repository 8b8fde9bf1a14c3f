package org.cpr.peersupport.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

import org.cpr.identity.IdentityManagement;
import org.cpr.peersupport.GroupDebrief;
import org.cpr.peersupport.GroupDebriefs;
import org.cpr.peersupport.PeerSupportRefused;
import org.cpr.peersupport.PeerSupportRefused.Reason;
import org.cpr.shared.AuditEntry;
import org.cpr.shared.AuditPort;
import org.cpr.shared.OrgUnitId;
import org.cpr.shared.PersonId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** {@link GroupDebriefs} over the module's own stores: callers see only the interface. */
@Service("groupDebriefs")
class GroupDebriefsService implements GroupDebriefs {

	/** How many years back a debrief may still be recorded. */
	static final int OLDEST_YEARS = 2;

	private final DebriefStore store;

	private final IdentityManagement identity;

	private final AuditPort audit;

	private final Clock clock;

	GroupDebriefsService(DebriefStore store, IdentityManagement identity, AuditPort audit, Clock clock) {
		this.store = store;
		this.identity = identity;
		this.audit = audit;
		this.clock = clock;
	}

	@Override
	@Transactional
	public UUID record(OrgUnitId unit, LocalDate heldOn, List<PersonId> facilitators, Integer attendance, PersonId by) {
		boolean unitKnown = unit != null && identity.orgUnits().stream().anyMatch(u -> u.id().equals(unit));
		if (!unitKnown) {
			throw new PeerSupportRefused(Reason.DEBRIEF_UNIT_UNKNOWN);
		}
		if (heldOn == null || heldOn.isAfter(LocalDate.now(clock))
				|| heldOn.isBefore(LocalDate.now(clock).minusYears(OLDEST_YEARS))) {
			throw new PeerSupportRefused(Reason.DEBRIEF_DATE_INVALID);
		}
		if (facilitators == null || facilitators.isEmpty()
				|| facilitators.stream().anyMatch(f -> f == null || identity.person(f).isEmpty())) {
			throw new PeerSupportRefused(Reason.DEBRIEF_FACILITATORS_INVALID);
		}
		if (attendance == null || attendance < 1 || attendance > MAX_ATTENDANCE) {
			throw new PeerSupportRefused(Reason.DEBRIEF_ATTENDANCE_INVALID);
		}
		UUID id = store.insert(unit, heldOn, List.copyOf(new LinkedHashSet<>(facilitators)), attendance, by,
				clock.instant());
		audit.record(
				AuditEntry.of(by, "PEER_GROUP_DEBRIEF_RECORDED", "peer_group_debrief", id.toString(), "peer-support"));
		return id;
	}

	@Override
	public GroupDebrief find(UUID id) {
		return store.find(id).orElseThrow(() -> new PeerSupportRefused(Reason.NOT_FOUND));
	}

	@Override
	public List<GroupDebrief> recent() {
		return store.recent(50);
	}

}
