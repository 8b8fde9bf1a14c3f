package org.cpr.peersupport;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.cpr.identity.PeopleAdministration;
import org.cpr.peersupport.PeerSupportRefused.Reason;
import org.cpr.peersupport.internal.SupporterDebriefStore;
import org.cpr.peersupport.internal.SupporterStore;
import org.cpr.shared.AuditEntry;
import org.cpr.shared.AuditPort;
import org.cpr.shared.PersonId;
import org.cpr.shared.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Peer supporters' own debriefs: a coordinator records or schedules one (day, with a
 * resilience clinician or a coordinator, done or not done; never what was said), and the
 * supporter sees their own history. Every look by someone other than the supporter is
 * audited about the supporter, so it shows in their access log. Nothing here is offered
 * to evaluation, reports or any other module.
 */
@Service
public class SupporterDebriefs {

	/** How far back or ahead a debrief may be recorded. */
	static final int YEARS_EITHER_WAY = 1;

	private final SupporterDebriefStore store;

	private final SupporterStore supporters;

	private final PeopleAdministration people;

	private final AuditPort audit;

	private final Clock clock;

	SupporterDebriefs(SupporterDebriefStore store, SupporterStore supporters, PeopleAdministration people,
			AuditPort audit, Clock clock) {
		this.store = store;
		this.supporters = supporters;
		this.people = people;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Records (outcome DONE or NOT_DONE, on a day not in the future) or schedules
	 * (outcome SCHEDULED) a supporter's own debrief; {@code withPerson}, when given, must
	 * hold the role {@code with} names. A refusal changes nothing.
	 */
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

	/** Marks a scheduled debrief as done or not done (not before its day). */
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

	/**
	 * The supporter's own debriefs, latest first; a look by anyone else is audited about
	 * the supporter.
	 */
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
