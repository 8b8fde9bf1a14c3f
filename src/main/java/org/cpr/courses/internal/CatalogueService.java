package org.cpr.courses.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.cpr.courses.CataloguePage;
import org.cpr.courses.CatalogueQuery;
import org.cpr.courses.CourseCatalogue;
import org.cpr.courses.InvalidPlan;
import org.cpr.courses.Offering;
import org.cpr.courses.OfferingId;
import org.cpr.courses.OfferingPlan;
import org.cpr.courses.PlanError;
import org.cpr.courses.RegistrationRefused;
import org.cpr.courses.RegistrationStatus;
import org.cpr.courses.Registrations;
import org.cpr.courses.Session;
import org.cpr.courses.SessionId;
import org.cpr.courses.SessionPlan;
import org.cpr.curriculum.TopicId;
import org.cpr.curriculum.TopicLibrary;
import org.cpr.shared.PersonId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@link CourseCatalogue} over the module's own stores: callers see only the interface.
 */
@Service("courseCatalogue")
class CatalogueService implements CourseCatalogue {

	private final OfferingStore store;

	private final Registrations registrations;

	private final TopicLibrary topics;

	private final Clock clock;

	CatalogueService(OfferingStore store, Registrations registrations, TopicLibrary topics, Clock clock) {
		this.store = store;
		this.registrations = registrations;
		this.topics = topics;
		this.clock = clock;
	}

	@Override
	@Transactional
	public OfferingId create(OfferingPlan plan, PersonId by) {
		List<PlanError> errors = new ArrayList<>(PlanRules.check(plan));
		errors.addAll(unknownTopics(plan.topics()));
		if (!errors.isEmpty()) {
			throw new InvalidPlan(errors);
		}
		OfferingId id = new OfferingId(UUID.randomUUID());
		int capacity = plan.sessions().stream().mapToInt(SessionPlan::capacity).min().orElseThrow();
		store.insert(id, plan, capacity, by, clock.instant());
		return id;
	}

	@Override
	@Transactional
	public void updateDetails(OfferingId id, OfferingPlan plan) {
		load(id);
		List<PlanError> errors = new ArrayList<>(
				PlanRules.check(plan).stream().filter(e -> !e.field().startsWith("sessions")).toList());
		errors.addAll(unknownTopics(plan.topics()));
		if (!errors.isEmpty()) {
			throw new InvalidPlan(errors);
		}
		store.updateDetails(id, plan, clock.instant());
	}

	@Override
	@Transactional
	public SessionId addSession(OfferingId id, SessionPlan session) {
		Offering offering = load(id);
		checkAgainstOthers(offering, null, session);
		SessionId added = store.insertSession(id, session);
		registrations.recount(id);
		return added;
	}

	@Override
	@Transactional
	public void reschedule(SessionId sessionId, SessionPlan session) {
		Session existing = session(sessionId);
		checkAgainstOthers(load(existing.offering()), sessionId, session);
		store.reschedule(sessionId, session);
		registrations.recount(existing.offering());
	}

	@Override
	@Transactional
	public void cancelSession(SessionId sessionId) {
		Session existing = session(sessionId);
		store.cancelSession(sessionId);
		registrations.recount(existing.offering());
	}

	@Override
	@Transactional
	public void cancelOffering(OfferingId id) {
		load(id);
		store.cancelOffering(id, clock.instant());
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<Offering> find(OfferingId id) {
		return store.find(id);
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<Session> findSession(SessionId id) {
		return store.session(id).map(OfferingStore.SessionRow::session);
	}

	@Override
	@Transactional(readOnly = true)
	public List<Offering> byIds(java.util.Collection<OfferingId> ids) {
		return store.byIds(ids.stream().map(OfferingId::value).toList());
	}

	@Override
	@Transactional(readOnly = true)
	public List<Offering> facilitatedBy(PersonId person) {
		return store.byIds(store.facilitatedBy(person));
	}

	@Override
	@Transactional(readOnly = true)
	public List<Offering> search(CatalogueQuery q) {
		return page(q, 0, Integer.MAX_VALUE).offerings();
	}

	@Override
	@Transactional(readOnly = true)
	public CataloguePage page(CatalogueQuery q, int offset, int limit) {
		Instant from = q.from() == null ? clock.instant() : q.from().atStartOfDay(ZoneOffset.UTC).toInstant();
		OfferingStore.IdPage ids = store.search(q.kind(), from, q.audience(), q.topic(), q.fitsScheduleOf(),
				q.publicOnly(), Math.max(0, offset), Math.max(0, limit));
		java.util.Map<UUID, Offering> loaded = new java.util.HashMap<>();
		store.byIds(ids.ids()).forEach(o -> loaded.put(o.id().value(), o));
		return new CataloguePage(ids.ids().stream().map(loaded::get).filter(java.util.Objects::nonNull).toList(),
				ids.total());
	}

	@Override
	@Transactional(readOnly = true)
	public List<Session> busySessions(PersonId person) {
		List<UUID> ids = registrations.ofPerson(person)
			.stream()
			.filter(r -> r.status() == RegistrationStatus.SEATED)
			.map(r -> r.offering().value())
			.toList();
		return store.byIds(ids).stream().flatMap(o -> o.sessions().stream()).filter(s -> !s.cancelled()).toList();
	}

	private void checkAgainstOthers(Offering offering, SessionId replaced, SessionPlan session) {
		List<SessionPlan> all = new ArrayList<>();
		all.add(session);
		offering.sessions()
			.stream()
			.filter(s -> !s.cancelled() && !s.id().equals(replaced))
			.forEach(s -> all.add(new SessionPlan(s.start().toLocalDateTime(), s.end().toLocalDateTime(),
					s.start().getZone().getId(), s.place(), s.onlineLink(), s.capacity())));
		List<PlanError> errors = PlanRules.sessions(all, "s")
			.stream()
			.filter(e -> e.field().startsWith("s[0]."))
			.map(e -> new PlanError("session." + e.field().substring("s[0].".length()), e.messageKey()))
			.toList();
		if (!errors.isEmpty()) {
			throw new InvalidPlan(errors);
		}
	}

	private List<PlanError> unknownTopics(List<TopicId> wanted) {
		if (wanted.isEmpty()) {
			return List.of();
		}
		return topics.byIds(wanted).size() == new HashSet<>(wanted).size() ? List.of()
				: List.of(new PlanError("topics", "courses.plan.topic"));
	}

	private Offering load(OfferingId id) {
		return store.find(id).orElseThrow(() -> new RegistrationRefused(RegistrationRefused.Reason.UNKNOWN_OFFERING));
	}

	private Session session(SessionId id) {
		return store.session(id)
			.map(OfferingStore.SessionRow::session)
			.orElseThrow(() -> new RegistrationRefused(RegistrationRefused.Reason.UNKNOWN_OFFERING));
	}

}
