package org.cpr.peersupport.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.cpr.identity.IdentityManagement;
import org.cpr.identity.OrgUnitKind;
import org.cpr.identity.PeopleAdministration;
import org.cpr.peersupport.PeerRoster;
import org.cpr.peersupport.PeerSupportRefused;
import org.cpr.peersupport.PeerSupportRefused.Reason;
import org.cpr.peersupport.RosterEntry;
import org.cpr.peersupport.SupporterCheckin;
import org.cpr.peersupport.SupporterDebriefRequested;
import org.cpr.peersupport.SupporterProfile;
import org.cpr.peersupport.Training;
import org.cpr.shared.AuditEntry;
import org.cpr.shared.AuditPort;
import org.cpr.shared.OrgUnitId;
import org.cpr.shared.PersonId;
import org.cpr.shared.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** {@link PeerRoster} over the module's own stores: callers see only the interface. */
@Service("peerRoster")
class PeerRosterService implements PeerRoster {

	private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");

	private static final int MAX_LANGUAGES = 6;

	/**
	 * How long a supporter's department and leadership grants are reused by the matching
	 * rules.
	 */
	static final java.time.Duration FACTS_TTL = java.time.Duration.ofMinutes(5);

	private final Map<PersonId, SupporterFacts> facts = new java.util.concurrent.ConcurrentHashMap<>();

	private final org.springframework.context.ApplicationEventPublisher events;

	private final SupporterStore store;

	private final IdentityManagement identity;

	private final PeopleAdministration people;

	private final AuditPort audit;

	private final Clock clock;

	PeerRosterService(SupporterStore store, IdentityManagement identity, PeopleAdministration people, AuditPort audit,
			Clock clock, org.springframework.context.ApplicationEventPublisher events) {
		this.events = events;
		this.store = store;
		this.identity = identity;
		this.people = people;
		this.audit = audit;
		this.clock = clock;
	}

	@Override
	public List<SupporterProfile> roster() {
		return store.all();
	}

	@Override
	public Optional<SupporterProfile> profile(PersonId person) {
		return store.find(person);
	}

	@Override
	public List<Training> trainings(PersonId person) {
		return store.trainings(person);
	}

	@Override
	@Transactional
	public void enrol(PersonId person, RosterEntry entry, PersonId by) {
		if (person == null || identity.person(person).isEmpty()) {
			throw new PeerSupportRefused(Reason.UNKNOWN_PERSON);
		}
		RosterEntry clean = validate(entry);
		if (store.exists(person)) {
			throw new PeerSupportRefused(Reason.ALREADY_ON_ROSTER);
		}
		store.insert(person, clean, clock.instant());
		OrgUnitId campus = identity.orgUnitsOfKind(OrgUnitKind.INSTITUTION).get(0).id();
		if (!identity.holds(person, Role.PEER_SUPPORTER, campus)) {
			people.grant(person.value(), Role.PEER_SUPPORTER, campus.value(), by);
		}
		audit.record(AuditEntry.administration(by, "PEER_SUPPORTER_ENROLLED", "peer_supporter", person.toString()));
	}

	@Override
	@Transactional
	public void update(PersonId person, RosterEntry entry, PersonId by) {
		RosterEntry clean = validate(entry);
		if (!store.exists(person)) {
			throw new PeerSupportRefused(Reason.NOT_A_SUPPORTER);
		}
		store.update(person, clean);
		audit.record(AuditEntry.administration(by, "PEER_SUPPORTER_UPDATED", "peer_supporter", person.toString()));
	}

	@Override
	@Transactional
	public void recordTraining(PersonId person, Training training, PersonId by) {
		if (!store.exists(person)) {
			throw new PeerSupportRefused(Reason.NOT_A_SUPPORTER);
		}
		LocalDate today = LocalDate.now(clock);
		if (training == null || training.course() == null || training.course().isBlank()
				|| training.course().length() > 200 || training.completedOn() == null || training.refresherDue() == null
				|| training.completedOn().isAfter(today) || !training.refresherDue().isAfter(training.completedOn())) {
			throw new PeerSupportRefused(Reason.TRAINING_INVALID);
		}
		store.addTraining(person,
				new Training(training.course().strip(), training.completedOn(), training.refresherDue()));
		audit.record(AuditEntry.administration(by, "PEER_TRAINING_RECORDED", "peer_supporter", person.toString()));
	}

	@Override
	@Transactional
	public void pause(PersonId supporter, LocalDate until) {
		LocalDate today = LocalDate.now(clock);
		if (until == null || until.isBefore(today) || until.isAfter(today.plusYears(1))) {
			throw new PeerSupportRefused(Reason.PAUSE_INVALID);
		}
		requireSupporter(supporter);
		store.pause(supporter, until);
	}

	@Override
	@Transactional
	public void resume(PersonId supporter) {
		requireSupporter(supporter);
		store.pause(supporter, null);
	}

	@Override
	@Transactional
	public void checkIn(PersonId supporter, int wellbeing, boolean wantsDebrief) {
		requireSupporter(supporter);
		if (wellbeing < 1 || wellbeing > 5) {
			throw new PeerSupportRefused(Reason.WELLBEING_INVALID);
		}
		store.checkIn(supporter, LocalDate.now(clock), wellbeing, wantsDebrief);
		if (wantsDebrief) {
			events.publishEvent(new SupporterDebriefRequested(supporter));
		}
	}

	@Override
	public List<SupporterCheckin> checkins(PersonId supporter) {
		return store.checkins(supporter);
	}

	/**
	 * The person's department: as recorded, else the department their program belongs to
	 * (people imported with a program only).
	 */
	OrgUnitId departmentOf(org.cpr.identity.PersonSummary p) {
		return departmentOf(p, parents());
	}

	private static OrgUnitId departmentOf(org.cpr.identity.PersonSummary p, Map<OrgUnitId, OrgUnitId> parents) {
		return p.department() != null || p.program() == null ? p.department() : parents.get(p.program());
	}

	private Map<OrgUnitId, OrgUnitId> parents() {
		Map<OrgUnitId, OrgUnitId> parents = new HashMap<>();
		identity.orgUnits().forEach(u -> parents.put(u.id(), u.parent()));
		return parents;
	}

	/**
	 * Everyone on the roster as the matching rules see them. Load, training, pause and
	 * availability are read fresh; each supporter's department and program-director
	 * grants (which change rarely, and cost two look-ups per supporter) are kept for
	 * {@link #FACTS_TTL}. A proposal may therefore be that much behind a new grant, but
	 * {@link PeerRequests#confirm} re-checks with fresh data.
	 */
	List<MatchCandidate> candidates() {
		List<SupporterProfile> all = store.all();
		Map<OrgUnitId, OrgUnitId> parents = null;
		java.time.Instant now = clock.instant();
		List<MatchCandidate> candidates = new java.util.ArrayList<>(all.size());
		for (SupporterProfile s : all) {
			SupporterFacts f = facts.get(s.person());
			if (f == null || f.loadedAt().plus(FACTS_TTL).isBefore(now)) {
				if (parents == null) {
					parents = parents();
				}
				Map<OrgUnitId, OrgUnitId> units = parents;
				OrgUnitId department = identity.person(s.person()).map(p -> departmentOf(p, units)).orElse(null);
				f = new SupporterFacts(department, ledUnits(s.person()), now);
				facts.put(s.person(), f);
			}
			candidates.add(candidate(s, f.department(), f.led()));
		}
		return candidates;
	}

	MatchCandidate candidate(SupporterProfile s, OrgUnitId department) {
		return candidate(s, department, ledUnits(s.person()));
	}

	private static MatchCandidate candidate(SupporterProfile s, OrgUnitId department, Set<OrgUnitId> led) {
		return new MatchCandidate(s.person(), s.profession(), department, Set.copyOf(s.languages()), s.available(),
				s.pausedUntil(), s.training() == null ? null : s.training().refresherDue(), s.currentLoad(),
				s.maxLoad(), led);
	}

	private Set<OrgUnitId> ledUnits(PersonId person) {
		Set<OrgUnitId> led = new HashSet<>();
		people.grantsOf(person.value())
			.stream()
			.filter(g -> g.role() == Role.PROGRAM_DIRECTOR)
			.forEach(g -> led.add(new OrgUnitId(g.orgUnitId())));
		return led;
	}

	/** What the roster keeps about a supporter between proposals. */
	private record SupporterFacts(OrgUnitId department, Set<OrgUnitId> led, java.time.Instant loadedAt) {
	}

	private void requireSupporter(PersonId supporter) {
		if (supporter == null || !store.exists(supporter)) {
			throw new PeerSupportRefused(Reason.NOT_A_SUPPORTER);
		}
	}

	private static RosterEntry validate(RosterEntry e) {
		if (e == null || e.profession() == null) {
			throw new PeerSupportRefused(Reason.PROFESSION_MISSING);
		}
		List<String> languages = e.languages()
			.stream()
			.map(l -> l == null ? "" : l.strip().toLowerCase(java.util.Locale.ROOT))
			.filter(l -> !l.isEmpty())
			.distinct()
			.toList();
		if (languages.isEmpty() || languages.size() > MAX_LANGUAGES
				|| !languages.stream().allMatch(l -> LANGUAGE.matcher(l).matches())) {
			throw new PeerSupportRefused(Reason.LANGUAGES_INVALID);
		}
		if (e.maxLoad() < 1 || e.maxLoad() > 20) {
			throw new PeerSupportRefused(Reason.LOAD_INVALID);
		}
		String specialty = e.specialty() == null || e.specialty().isBlank() ? null : e.specialty().strip();
		if (specialty != null && specialty.length() > 120) {
			throw new PeerSupportRefused(Reason.SPECIALTY_INVALID);
		}
		return new RosterEntry(e.profession(), specialty, e.site(), languages, e.available(), e.maxLoad());
	}

}
