package org.cpr.peersupport.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.cpr.identity.PeopleAdministration;
import org.cpr.peersupport.DebriefOutcome;
import org.cpr.peersupport.DebriefWith;
import org.cpr.peersupport.PeerSupportRefused;
import org.cpr.peersupport.PeerSupportRefused.Reason;
import org.cpr.peersupport.SupporterDebrief;
import org.cpr.peersupport.SupporterDebriefs;
import org.cpr.shared.AuditEntry;
import org.cpr.shared.AuditPort;
import org.cpr.shared.PersonId;
import org.cpr.shared.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@link SupporterDebriefs} over the module's own stores: callers see only the interface.
 */
@Service("supporterDebriefs")
class SupporterDebriefsService implements SupporterDebriefs {

	/** How far back or ahead a debrief may be recorded. */
	static final int YEARS_EITHER_WAY = 1;

	private final SupporterDebriefStore store;

	private final SupporterStore supporters;

	private final PeopleAdministration people;

	private final AuditPort audit;

	private final Clock clock;

	SupporterDebriefsService(SupporterDebriefStore store, SupporterStore supporters, PeopleAdministration people,
			AuditPort audit, Clock clock) {
		this.store = store;
		this.supporters = supporters;
		this.people = people;
		this.audit = audit;
		this.clock = clock;
	}

	@Override
	@Transactional
	public UUID record(PersonId supporter, LocalDate heldOn, DebriefWith with, PersonId withPerson,
			DebriefOutcome outcome, PersonId by) {
		requireSupporter(supporter);
		DebriefOutcome o = outcome == null ? DebriefOutcome.SCHEDULED : outcome;
		checkDay(heldOn, o);
		if (with == null) {
			throw new PeerSupportRefused(Reason.SUPPORTER_DEBRIEF_WITH_MISSING);
		}
		if (withPerson != null && (withPerson.equals(supporter) || !holds(withPerson, with))) {
			throw new PeerSupportRefused(Reason.SUPPORTER_DEBRIEF_WITH_UNKNOWN);
		}
		UUID id = UUID.randomUUID();
		store.insert(new SupporterDebrief(id, supporter, heldOn, with, withPerson, o), by, clock.instant());
		audit.record(AuditEntry
			.of(by, "PEER_SUPPORTER_DEBRIEF_RECORDED", "peer_supporter_debrief", id.toString(), "peer-support")
			.about(supporter)
			.detail(o.name()));
		return id;
	}

	@Override
	@Transactional
	public void outcome(PersonId supporter, UUID debrief, DebriefOutcome outcome, PersonId by) {
		SupporterDebrief d = debrief == null ? null
				: store.find(debrief).filter(x -> x.supporter().equals(supporter)).orElse(null);
		if (d == null) {
			throw new PeerSupportRefused(Reason.NOT_FOUND);
		}
		if (outcome == null) {
			throw new PeerSupportRefused(Reason.SUPPORTER_DEBRIEF_OUTCOME_MISSING);
		}
		checkDay(d.heldOn(), outcome);
		store.outcome(debrief, outcome, by, clock.instant());
		audit.record(AuditEntry
			.of(by, "PEER_SUPPORTER_DEBRIEF_UPDATED", "peer_supporter_debrief", debrief.toString(), "peer-support")
			.about(supporter)
			.detail(outcome.name()));
	}

	@Override
	@Transactional
	public List<SupporterDebrief> history(PersonId supporter, PersonId viewer) {
		if (!supporter.equals(viewer)) {
			audit.record(AuditEntry
				.of(viewer, "PEER_SUPPORTER_DEBRIEFS_VIEWED", "peer_supporter", supporter.toString(), "peer-support")
				.about(supporter));
		}
		return store.of(supporter);
	}

	private void checkDay(LocalDate day, DebriefOutcome outcome) {
		LocalDate today = LocalDate.now(clock);
		if (day == null || day.isBefore(today.minusYears(YEARS_EITHER_WAY))
				|| day.isAfter(today.plusYears(YEARS_EITHER_WAY))
				|| (outcome != DebriefOutcome.SCHEDULED && day.isAfter(today))) {
			throw new PeerSupportRefused(Reason.SUPPORTER_DEBRIEF_DATE_INVALID);
		}
	}

	private boolean holds(PersonId person, DebriefWith with) {
		Role role = with == DebriefWith.RESILIENCE_CLINICIAN ? Role.RESILIENCE_CLINICIAN
				: Role.PEER_SUPPORT_COORDINATOR;
		return people.grantsOf(person.value()).stream().anyMatch(g -> g.role() == role);
	}

	private void requireSupporter(PersonId supporter) {
		if (supporter == null || !supporters.exists(supporter)) {
			throw new PeerSupportRefused(Reason.NOT_A_SUPPORTER);
		}
	}

}
