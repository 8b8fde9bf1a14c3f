package org.cpr.peersupport.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.cpr.identity.IdentityManagement;
import org.cpr.identity.OrgUnitSummary;
import org.cpr.identity.PersonSummary;
import org.cpr.peersupport.Encounter;
import org.cpr.peersupport.EncounterEntry;
import org.cpr.peersupport.EventType;
import org.cpr.peersupport.MatchProposal;
import org.cpr.peersupport.PeerRequest;
import org.cpr.peersupport.PeerRequestId;
import org.cpr.peersupport.PeerRequests;
import org.cpr.peersupport.PeerSupportRefused;
import org.cpr.peersupport.PeerSupportRefused.Reason;
import org.cpr.peersupport.ReachInEscalated;
import org.cpr.peersupport.RequestKind;
import org.cpr.peersupport.RequestStatus;
import org.cpr.peersupport.SupporterAssigned;
import org.cpr.peersupport.SupporterProfile;
import org.cpr.safety.AlertTier;
import org.cpr.safety.SafetyAlerts;
import org.cpr.safety.SafetyConcern;
import org.cpr.shared.AuditEntry;
import org.cpr.shared.AuditPort;
import org.cpr.shared.OrgUnitId;
import org.cpr.shared.PersonId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** {@link PeerRequests} over the module's own stores: callers see only the interface. */
@Service("peerRequests")
class PeerRequestsService implements PeerRequests {

	private final RequestStore store;

	private final PeerRosterService roster;

	private final IdentityManagement identity;

	private final SafetyAlerts safety;

	private final AuditPort audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final Duration target;

	/**
	 * Evaluators listed on the groups module's conflict list are in the person's line
	 * too.
	 */
	private final org.cpr.groups.SupervisoryLine supervisoryLine;

	PeerRequestsService(RequestStore store, PeerRosterService roster, IdentityManagement identity, SafetyAlerts safety,
			AuditPort audit, ApplicationEventPublisher events, Clock clock,
			@Value("${cpr.peersupport.first-contact-target:PT24H}") Duration target,
			org.cpr.groups.SupervisoryLine supervisoryLine) {
		this.supervisoryLine = supervisoryLine;
		this.store = store;
		this.roster = roster;
		this.identity = identity;
		this.safety = safety;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
		this.target = target;
	}

	@Override
	public Duration target() {
		return target;
	}

	@Override
	@Transactional
	public List<PeerRequestId> fileReachIn(PersonId filer, EventType type, LocalDate eventDate,
			List<PersonId> involved) {
		if (type == null) {
			throw new PeerSupportRefused(Reason.EVENT_TYPE_MISSING);
		}
		if (eventDate == null) {
			throw new PeerSupportRefused(Reason.EVENT_DATE_MISSING);
		}
		if (eventDate.isAfter(LocalDate.now(clock))) {
			throw new PeerSupportRefused(Reason.EVENT_DATE_IN_FUTURE);
		}
		List<PersonSummary> people = people(involved, false);
		Instant now = clock.instant();
		UUID event = store.insertEvent(type, eventDate, filer, now);
		List<PeerRequestId> ids = new ArrayList<>();
		for (PersonSummary p : people) {
			ids.add(open(RequestKind.REACH_IN, p, filer, event, null, now));
		}
		return ids;
	}

	@Override
	@Transactional
	public PeerRequestId selfRefer(PersonId me, String language) {
		PersonSummary p = people(List.of(me), true).get(0);
		return open(RequestKind.SELF_REFERRAL, p, me, null, cleanLanguage(language), clock.instant());
	}

	@Override
	@Transactional
	public PeerRequestId referColleague(PersonId me, PersonId colleague) {
		if (colleague != null && colleague.equals(me)) {
			throw new PeerSupportRefused(Reason.UNKNOWN_PERSON);
		}
		PersonSummary p = people(List.of(colleague), false).get(0);
		return open(RequestKind.COLLEAGUE_REFERRAL, p, me, null, null, clock.instant());
	}

	private PeerRequestId open(RequestKind kind, PersonSummary p, PersonId filer, UUID event, String language,
			Instant now) {
		PeerRequestId id = new PeerRequestId(UUID.randomUUID());
		PeerRequest draft = new PeerRequest(id, kind, p.id(), filer, event, null, null, language, p.traineeType(),
				roster.departmentOf(p), RequestStatus.AWAITING_CONFIRMATION, null, null, now, now.plus(target), null,
				null, null);
		Optional<PeerRequestId> existing = store.openOf(p.id());
		if (existing.isPresent()) {
			// Joins the open request; the filer is not told that one existed (it may be a
			// confidential self-referral).
			store.insertMerged(draft, existing.get());
		}
		else {
			store.insert(draft);
			store.propose(id, propose(draft).map(MatchProposal::supporter).orElse(null));
		}
		audit.record(AuditEntry.of(filer, "PEER_REQUEST_FILED", "peer_request", id.toString(), "peer-support")
			.about(p.id())
			.detail(kind.name()));
		return id;
	}

	/**
	 * The named active people; {@code refuseOpen}: a second open request is refused (only
	 * the person themself is told).
	 */
	private List<PersonSummary> people(List<PersonId> ids, boolean refuseOpen) {
		if (ids == null || ids.isEmpty()) {
			throw new PeerSupportRefused(Reason.UNKNOWN_PERSON);
		}
		List<PersonSummary> found = new ArrayList<>();
		for (PersonId id : new LinkedHashSet<>(ids)) {
			PersonSummary p = id == null ? null : identity.person(id).filter(PersonSummary::active).orElse(null);
			if (p == null) {
				throw new PeerSupportRefused(Reason.UNKNOWN_PERSON);
			}
			if (refuseOpen && store.hasOpen(id)) {
				throw new PeerSupportRefused(Reason.ALREADY_OPEN);
			}
			found.add(p);
		}
		return found;
	}

	private static String cleanLanguage(String language) {
		if (language == null || language.isBlank()) {
			return null;
		}
		String l = language.strip().toLowerCase(java.util.Locale.ROOT);
		if (!l.matches("[a-z]{2,3}")) {
			throw new PeerSupportRefused(Reason.LANGUAGES_INVALID);
		}
		return l;
	}

	@Override
	public Optional<MatchProposal> propose(PeerRequest request) {
		return SupporterMatcher.propose(seeker(request), roster.candidates(), LocalDate.now(clock));
	}

	@Override
	public List<PersonId> eligibleSupporters(PeerRequest request) {
		return SupporterMatcher.ranked(seeker(request), roster.candidates(), LocalDate.now(clock))
			.stream()
			.map(MatchCandidate::person)
			.toList();
	}

	private MatchSeeker seeker(PeerRequest r) {
		Set<OrgUnitId> line = new LinkedHashSet<>();
		Map<OrgUnitId, OrgUnitId> parents = new HashMap<>();
		for (OrgUnitSummary u : identity.orgUnits()) {
			parents.put(u.id(), u.parent());
		}
		PersonSummary p = identity.person(r.person()).orElse(null);
		if (p != null) {
			for (OrgUnitId start : new OrgUnitId[] { p.program(), p.department() }) {
				for (OrgUnitId u = start; u != null && line.add(u); u = parents.get(u)) {
					// walk up to the institution
				}
			}
		}
		Set<PersonId> sameEvent = new java.util.HashSet<>(store.involvedIn(r.eventId()));
		sameEvent.remove(r.person());
		return new MatchSeeker(r.person(), r.profession(), r.department(), line, r.language(), sameEvent,
				supervisoryLine.evaluatorsOf(r.person()));
	}

	@Override
	@Transactional
	public void confirm(PeerRequestId id, PersonId supporter, PersonId coordinator) {
		PeerRequest r = store.find(id).orElseThrow(() -> new PeerSupportRefused(Reason.NOT_FOUND));
		if (r.supporter() != null || r.status() != RequestStatus.AWAITING_CONFIRMATION) {
			throw new PeerSupportRefused(r.supporter() != null ? Reason.ALREADY_ASSIGNED : Reason.WRONG_STATE);
		}
		SupporterProfile profile = supporter == null ? null : roster.profile(supporter).orElse(null);
		if (profile == null) {
			throw new PeerSupportRefused(Reason.NOT_A_SUPPORTER);
		}
		LocalDate today = LocalDate.now(clock);
		if (!profile.trainedOn(today)) {
			throw new PeerSupportRefused(Reason.SUPPORTER_NOT_TRAINED);
		}
		MatchSeeker seeker = seeker(r);
		MatchCandidate candidate = roster.candidate(profile,
				identity.person(supporter).map(roster::departmentOf).orElse(null));
		if (!SupporterMatcher.eligible(seeker, candidate, today)) {
			boolean busy = !profile.available() || profile.pausedOn(today)
					|| profile.currentLoad() >= profile.maxLoad();
			throw new PeerSupportRefused(busy ? Reason.SUPPORTER_UNAVAILABLE : Reason.CONFLICT_OF_INTEREST);
		}
		if (!store.assign(id, supporter, clock.instant())) {
			throw new PeerSupportRefused(Reason.ALREADY_ASSIGNED);
		}
		audit.record(AuditEntry.of(coordinator, "PEER_REQUEST_ASSIGNED", "peer_request", id.toString(), "peer-support")
			.about(r.person()));
		events.publishEvent(new SupporterAssigned(id, supporter));
	}

	@Override
	@Transactional
	public PeerRequest forCoordinator(PeerRequestId id, PersonId coordinator) {
		PeerRequest r = store.find(id).orElse(null);
		audit.record(AuditEntry.of(coordinator, "PEER_REQUEST_VIEWED", "peer_request", id.toString(), "peer-support")
			.about(r == null ? null : r.person())
			.failedUnless(r != null));
		if (r == null) {
			throw new PeerSupportRefused(Reason.NOT_FOUND);
		}
		return r;
	}

	@Override
	@Transactional
	public PeerRequest forSupporter(PeerRequestId id, PersonId supporter) {
		PeerRequest r = store.find(id).orElse(null);
		boolean mine = r != null && supporter.equals(r.supporter());
		audit.record(AuditEntry.of(supporter, "PEER_REQUEST_VIEWED", "peer_request", id.toString(), "peer-support")
			.about(mine ? r.person() : null)
			.deniedUnless(mine));
		if (!mine) {
			throw new PeerSupportRefused(Reason.NOT_FOUND);
		}
		return r;
	}

	@Override
	@Transactional
	public List<Encounter> encounters(PeerRequest request, PersonId viewer) {
		List<Encounter> list = store.encounters(request.id());
		audit.record(
				AuditEntry.of(viewer, "PEER_ENCOUNTERS_VIEWED", "peer_request", request.id().toString(), "peer-support")
					.about(request.person())
					.detail("count=" + list.size()));
		return list;
	}

	@Override
	@Transactional
	public List<PeerRequest> queue(PersonId coordinator) {
		List<PeerRequest> open = store.open();
		audit.record(AuditEntry.of(coordinator, "PEER_QUEUE_VIEWED", "peer_request", null, "peer-support")
			.detail("count=" + open.size()));
		listed(coordinator, open);
		return open;
	}

	@Override
	@Transactional
	public List<PeerRequest> casesOf(PersonId supporter) {
		List<PeerRequest> cases = store.ofSupporter(supporter);
		listed(supporter, cases);
		return cases;
	}

	/**
	 * A list shows each request's person: every listing is a look at their case, so it
	 * goes into their own access log.
	 */
	private void listed(PersonId viewer, List<PeerRequest> shown) {
		for (PeerRequest r : shown) {
			audit.record(AuditEntry.of(viewer, "PEER_REQUEST_LISTED", "peer_request", r.id().toString(), "peer-support")
				.about(r.person()));
		}
	}

	@Override
	@Transactional
	public void contacted(PeerRequestId id, PersonId supporter) {
		PeerRequest r = forSupporter(id, supporter);
		if (!store.contacted(id, supporter, clock.instant())) {
			throw new PeerSupportRefused(Reason.WRONG_STATE);
		}
		audit.record(AuditEntry.of(supporter, "PEER_CONTACT_MADE", "peer_request", id.toString(), "peer-support")
			.about(r.person()));
	}

	@Override
	@Transactional
	public void declined(PeerRequestId id, PersonId supporter) {
		PeerRequest r = forSupporter(id, supporter);
		if (!store.declined(id, supporter, clock.instant())) {
			throw new PeerSupportRefused(Reason.WRONG_STATE);
		}
		audit.record(AuditEntry.of(supporter, "PEER_REQUEST_DECLINED", "peer_request", id.toString(), "peer-support")
			.about(r.person()));
	}

	@Override
	@Transactional
	public void close(PeerRequestId id, PersonId supporter) {
		PeerRequest r = forSupporter(id, supporter);
		if (!store.closed(id, supporter, clock.instant())) {
			throw new PeerSupportRefused(Reason.WRONG_STATE);
		}
		audit.record(AuditEntry.of(supporter, "PEER_REQUEST_CLOSED", "peer_request", id.toString(), "peer-support")
			.about(r.person()));
	}

	@Override
	@Transactional
	public UUID logEncounter(PeerRequestId id, PersonId supporter, EncounterEntry entry) {
		if (entry == null || entry.duration() == null || entry.type() == null || entry.referredDirectory() == null
				|| entry.referredClinician() == null || entry.referredEap() == null) {
			throw new PeerSupportRefused(Reason.ENCOUNTER_INCOMPLETE);
		}
		PeerRequest r = forSupporter(id, supporter);
		LocalDate today = LocalDate.now(clock);
		LocalDate filed = r.filedAt().atZone(clock.getZone()).toLocalDate();
		if (entry.occurredOn() == null || entry.occurredOn().isAfter(today) || entry.occurredOn().isBefore(filed)) {
			throw new PeerSupportRefused(Reason.ENCOUNTER_DATE_INVALID);
		}
		if (r.status() == RequestStatus.ASSIGNED) {
			store.contacted(id, supporter, clock.instant());
		}
		else if (r.status() != RequestStatus.CONTACTED) {
			throw new PeerSupportRefused(Reason.WRONG_STATE);
		}
		UUID encounter = store.insertEncounter(id, supporter, entry, clock.instant());
		audit.record(AuditEntry
			.of(supporter, "PEER_ENCOUNTER_LOGGED", "peer_encounter", encounter.toString(), "peer-support")
			.about(r.person()));
		return encounter;
	}

	@Override
	@Transactional
	public UUID crisisHandOff(PeerRequestId id, PersonId supporter) {
		PeerRequest r = forSupporter(id, supporter);
		UUID alert = safety.raise(new SafetyConcern("peer-support", id.toString(), r.person(), null, AlertTier.TIER_1,
				Set.of("PEER_SUPPORT_RISK")));
		audit.record(AuditEntry.of(supporter, "PEER_CRISIS_HANDOFF", "peer_request", id.toString(), "safety")
			.about(r.person()));
		return alert;
	}

	@Override
	public List<ReferredCase> referredBy(PersonId filer) {
		return store.filedBy(filer);
	}

	@Override
	public List<PeerRequest> ownRequests(PersonId me) {
		return store.ofPerson(me);
	}

	@Override
	@Transactional
	public int escalateOverdue() {
		List<PeerRequestId> overdue = store.escalateOverdue(clock.instant());
		for (PeerRequestId id : overdue) {
			audit.record(AuditEntry.system("PEER_REQUEST_ESCALATED", "peer_request", id.toString(), "peer-support"));
			events.publishEvent(new ReachInEscalated(id));
		}
		return overdue.size();
	}

}
