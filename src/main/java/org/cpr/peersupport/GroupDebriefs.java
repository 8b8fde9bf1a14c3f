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

	/** The largest attendance a debrief can have (the table's check says the same). */
	public static final int MAX_ATTENDANCE = 500;

	/** How many years back a debrief may still be recorded. */
	static final int OLDEST_YEARS = 2;

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

	/**
	 * Records a debrief: a known unit, a day not in the future (and at most
	 * {@value #OLDEST_YEARS} years back), known facilitators and an attendance from 1 to
	 * {@value #MAX_ATTENDANCE}; each refusal names its field and changes nothing.
	 */
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

	/**
	 * One debrief, or {@link PeerSupportRefused} ({@code NOT_FOUND}).
	 */
	public GroupDebrief find(UUID id) {
		return store.find(id).orElseThrow(() -> new PeerSupportRefused(Reason.NOT_FOUND));
	}

	public List<GroupDebrief> recent() {
		return store.recent(50);
	}

}
